import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempPathFor, writeChunksAtomic } from '../../src/report/atomic-write.js';

const dir = mkdtempSync(join(tmpdir(), 'fleet-scan-atomic-'));
afterEach(() => {
  for (const f of readdirSync(dir)) rmSync(join(dir, f), { force: true });
});

describe('writeChunksAtomic', () => {
  it('replaces the target whole and leaves no temporary file', async () => {
    const file = join(dir, 'out.txt');
    writeFileSync(file, 'old');
    await writeChunksAtomic(file, ['a', 'b', 'c']);
    expect(readFileSync(file, 'utf8')).toBe('abc');
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('writes many small chunks, strings and bytes mixed, whole and in order', async () => {
    const file = join(dir, 'out.txt');
    function* chunks() {
      for (let i = 0; i < 20_000; i++) yield i % 1000 === 999 ? Buffer.from(`[${i}]`) : `${i},`;
    }
    await writeChunksAtomic(file, chunks());
    const expected = Array.from({ length: 20_000 }, (_, i) => (i % 1000 === 999 ? `[${i}]` : `${i},`)).join('');
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });

  it('keeps the old file and removes the temporary one when producing the content fails', async () => {
    const file = join(dir, 'out.txt');
    writeFileSync(file, 'old');
    function* broken() {
      yield 'partial';
      throw new Error('record went bad');
    }
    await expect(writeChunksAtomic(file, broken())).rejects.toThrow('record went bad');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });
});

describe('tempPathFor', () => {
  it('stays in the same folder so the rename cannot cross filesystems', () => {
    expect(tempPathFor('/a/b/report.xlsx')).toMatch(/^\/a\/b\/\.report\.xlsx\.[0-9a-f]{8}\.tmp$/);
  });
});
