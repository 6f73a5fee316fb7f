import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputFlags, type OutputArgs } from '../../../src/cli/scan/output-flags.js';
import { UsageError } from '../../../src/cli/usage-error.js';

const args: OutputArgs = { verbose: false, top: 10 };
const outDir = path.resolve('reports');
const tty = { isTTY: true };

describe('outputFlags', () => {
  it('writes the workbook and the run record under default names, and JUnit only when asked', () => {
    expect(outputFlags(args, outDir, tty, {}).reports).toEqual({ outDir, xlsx: undefined, json: undefined, junit: undefined });
    expect(outputFlags({ ...args, xlsx: true, json: 'run.json', junit: 'ci/mars.xml' }, outDir, tty, {}).reports)
      .toEqual({ outDir, xlsx: undefined, json: 'run.json', junit: 'ci/mars.xml' });
  });

  it('writes the HTML and PDF reports only when asked, on the paper asked for', () => {
    expect(outputFlags(args, outDir, tty, {}).reports).toMatchObject({ html: undefined, pdf: undefined });
    expect(outputFlags({ ...args, html: 'r.html', pdf: 'r.pdf', paper: 'letter' }, outDir, tty, {}).reports)
      .toMatchObject({ html: 'r.html', pdf: 'r.pdf', paper: 'letter' });
  });

  it('writes no workbook with --no-xlsx and no run record with --no-json', () => {
    expect(outputFlags({ ...args, xlsx: false, json: false }, outDir, tty, {}).reports).toMatchObject({ xlsx: false, json: false });
  });

  it('colours the summary on a terminal unless NO_COLOR, and --color or --no-color decide over both', () => {
    expect(outputFlags(args, outDir, tty, {}).summary.color).toBe(true);
    expect(outputFlags(args, outDir, tty, { NO_COLOR: '1' }).summary.color).toBe(false);
    expect(outputFlags(args, outDir, {}, {}).summary.color).toBe(false);
    expect(outputFlags({ ...args, color: true }, outDir, {}, { NO_COLOR: '1' }).summary.color).toBe(true);
    expect(outputFlags({ ...args, color: false }, outDir, tty, {}).summary.color).toBe(false);
  });

  it('refuses a --top that is not a whole number of at least 1', () => {
    for (const top of [0, -3, 1.5]) {
      expect(() => outputFlags({ ...args, top }, outDir, tty, {})).toThrow(new UsageError(`--top: must be a whole number of at least 1, got ${top}`));
    }
    expect(outputFlags({ ...args, top: 3, verbose: true }, outDir, tty, {}).summary).toEqual({ color: true, verbose: true, top: 3 });
  });
});
