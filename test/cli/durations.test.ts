import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { durationFlag, listFlag, pathFlag } from '../../src/cli/durations.js';
import { UsageError } from '../../src/cli/usage-error.js';

describe('durationFlag', () => {
  it('reads 90s, 2m, 500ms and plain seconds as milliseconds', () => {
    expect([durationFlag('deadline', '90s'), durationFlag('deadline', '2m'), durationFlag('deadline', '500ms'), durationFlag('deadline', 30)]).toEqual([90_000, 120_000, 500, 30_000]);
  });

  it('refuses what is not a duration, zero included, naming the flag', () => {
    expect(() => durationFlag('deadline', 'abc')).toThrow(UsageError);
    expect(() => durationFlag('deadline', 'abc')).toThrow(/^--deadline: must be a duration .*got "abc"$/);
    expect(() => durationFlag('connect-timeout', '0')).toThrow(/^--connect-timeout: must be a duration .*got "0"$/);
  });
});

describe('listFlag', () => {
  it('splits commas, joins repeats, trims and drops empty items', () => {
    expect(listFlag(['a, b', 'c', ',,'], 'checks')).toEqual(['a', 'b', 'c']);
    expect(listFlag('x', 'checks')).toEqual(['x']);
  });

  it('is null when the flag is absent, and a usage error naming the flag when given with nothing in it', () => {
    expect(listFlag(undefined, 'checks')).toBeNull();
    expect(() => listFlag([' , '], 'checks')).toThrow(new UsageError('--checks: give at least one value (comma-separated), got " , "'));
    expect(() => listFlag('', 'host')).toThrow(new UsageError('--host: give at least one value (comma-separated), got ""'));
  });
});

describe('pathFlag', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fs-path-flag-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'a-file');
  writeFileSync(file, '');

  it('passes a path that could be written: new, existing, relative, with spaces or unicode', () => {
    for (const p of [path.join(dir, 'new.json'), file, 'reports/x.xlsx', path.join(dir, 'ünï côdé.html')]) expect(pathFlag('json', p, 'file')).toBe(p);
    expect(pathFlag('out-dir', dir, 'folder')).toBe(dir);
  });

  it('refuses, naming the flag: nothing, a name no file system takes, a folder for a file and a file for a folder', () => {
    expect(() => pathFlag('json', '  ', 'file')).toThrow(new UsageError('--json: give a file path, got "  "'));
    expect(() => pathFlag('out-dir', path.join(dir, 'x'.repeat(256)), 'folder')).toThrow(/^--out-dir: a name in the path is longer than 255 bytes \(256\)/);
    expect(() => pathFlag('log', dir, 'file')).toThrow(new UsageError(`--log: ${dir} is a folder; give a file path`));
    expect(() => pathFlag('out-dir', file, 'folder')).toThrow(new UsageError(`--out-dir: ${file} is a file; give a folder path`));
  });
});
