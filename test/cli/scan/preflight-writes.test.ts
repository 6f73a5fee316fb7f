import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { preflightWrites } from '../../../src/cli/scan/preflight-writes.js';
import { UsageError } from '../../../src/cli/usage-error.js';
import { mountSmallDisk } from '../../faults/helpers/small-disk.js';
import { scratchDir } from '../helpers/scan-inputs.js';

const dir = scratchDir('preflight-writes');
// A real small file system (the tests run as root): full, and read-only.
const full = mountSmallDisk(path.join(dir, 'full'), '128k');
full.fill();
const ro = mountSmallDisk(path.join(dir, 'ro'), '128k');
ro.readOnly();
afterAll(() => {
  full.unmount();
  ro.unmount();
});

function refusal(targets: Parameters<typeof preflightWrites>[0]): string[] {
  try {
    preflightWrites(targets);
    return [];
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return error.lines;
  }
}

describe('preflightWrites', () => {
  it('passes writable folders, leaves no file behind and creates none that is missing', () => {
    const out = path.join(dir, 'reports');
    mkdirSync(out);
    expect(refusal({ outDir: out, historyFile: path.join(dir, 'not-yet', 'history.sqlite') })).toEqual([]);
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync(path.join(dir, 'not-yet'))).toBe(false);
  });

  it('refuses a full disk, for the reports and for the history, in one line each', () => {
    const out = path.join(full.dir, 'out');
    const history = path.join(full.dir, 'history.sqlite');
    expect(refusal({ outDir: out, historyFile: history })).toEqual([`out-dir ${out}: cannot write: disk full`, `history ${history}: cannot write: disk full`]);
  });

  it('refuses a read-only disk: a folder that cannot be made, and one that takes no file', () => {
    expect(refusal({ outDir: path.join(ro.dir, 'out') })).toEqual([`out-dir ${path.join(ro.dir, 'out')}: cannot create: read-only file system`]);
    expect(refusal({ outDir: ro.dir })).toEqual([`out-dir ${ro.dir}: cannot write: read-only file system`]);
  });

  it('refuses a path under a regular file', () => {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, 'x\n');
    expect(refusal({ outDir: path.join(file, 'out'), historyFile: path.join(file, 'h', 'history.sqlite') })).toEqual([
      `out-dir ${path.join(file, 'out')}: cannot create: a file is in the way`,
      `history ${path.join(file, 'h', 'history.sqlite')}: cannot create its folder: a file is in the way`,
    ]);
  });
});
