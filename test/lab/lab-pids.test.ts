import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { isOurListener, pidsFile, readLabPids, removeLabPids, writeLabPids } from '../../src/lab/lab-pids.js';

const dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-pids-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the lab pids file', () => {
  test('what is written is read back, and removed means gone', () => {
    const pids = { dir, listeners: [{ name: 'fs01', pid: 4242, config: `${dir}/hosts/fs01/sshd_config` }] };
    writeLabPids(pids);
    expect(pidsFile(dir)).toBe(path.join(dir, 'pids'));
    expect(readLabPids(dir)).toEqual(pids);
    removeLabPids(dir);
    expect(readLabPids(dir)).toBeUndefined();
  });

  test('a damaged pids file reads as none', () => {
    writeFileSync(pidsFile(dir), '{ "dir": 1');
    expect(readLabPids(dir)).toBeUndefined();
  });

  test('a PID that does not run sshd with the recorded config is not ours to kill', () => {
    expect(isOurListener(process.pid, '/nowhere/sshd_config')).toBe(false);
    expect(isOurListener(2 ** 22 + 1, '/nowhere/sshd_config')).toBe(false);
  });
});
