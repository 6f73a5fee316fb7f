import { describe, expect, it } from 'vitest';
import { printSummary } from '../../../src/cli/scan/print-summary.js';
import { syntheticRun } from '../../helpers/synthetic-run.js';

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, streams: { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) } } };
}

describe('printSummary', () => {
  it('prints the summary with the reports written and the exit code on stdout, nothing on stderr', () => {
    const { out, streams } = capture();
    printSummary(syntheticRun({ hosts: 3 }), { paths: { json: 'out/run.json', xlsx: 'out/run.xlsx' }, errors: [] }, 1, { color: false, verbose: false, top: 10 }, streams);
    expect(out.stdout).toMatch(/^fleet-scan mars /);
    expect(out.stdout).toContain('Reports\n  out/run.json\n  out/run.xlsx\n');
    expect(out.stdout.endsWith('Exit code 1: a check failed\n')).toBe(true);
    expect(out.stderr).toBe('');
  });

  it('says on stderr, one line each, which reports could not be written', () => {
    const { out, streams } = capture();
    const errors = ['xlsx report not written to /ro/run.xlsx: EROFS: read-only file system'];
    printSummary(syntheticRun({ hosts: 1 }), { paths: { json: 'out/run.json' }, errors }, 0, { color: false, verbose: false, top: 10 }, streams);
    expect(out.stderr).toBe(`error: ${errors[0]}\n`);
    expect(out.stdout).toContain('Reports\n  out/run.json\n');
    expect(out.stdout).not.toContain('run.xlsx');
  });
});
