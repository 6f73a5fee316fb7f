// `fleet-scan report` as a user runs it: a file it cannot write is bad input, one line, exit 2. Needs `npm run build`.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticRun } from '../../helpers/synthetic-run.js';
import { expectNoStack, runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-report-cmd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fleet-scan report', () => {
  it('writes the HTML report of a run record with --html', async () => {
    const runFile = path.join(dir, 'run-html.json');
    writeFileSync(runFile, JSON.stringify(syntheticRun({ hosts: 3 })));
    const html = path.join(dir, 'again.html');
    const run = await runCli(['report', runFile, '--html', html]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`wrote ${html}\n`);
    expect(readFileSync(html, 'utf8')).toContain('<p id="verdict"');
  });

  it('exits 2 with one line naming a report it cannot write, and still writes the others', async () => {
    const runFile = path.join(dir, 'run.json');
    writeFileSync(runFile, JSON.stringify(syntheticRun({ hosts: 3 })));
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, '');
    const xlsx = path.join(blocker, 'again.xlsx');
    const junit = path.join(dir, 'again.xml');
    const run = await runCli(['report', runFile, '--xlsx', xlsx, '--junit', junit]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^fleet-scan: xlsx report not written to ${xlsx.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `))]);
    expect(expectNoStack(run.stderr)).toBe(true);
    expect(run.stdout).toBe(`wrote ${junit}\n`);
    expect(existsSync(junit)).toBe(true);
  });
});
