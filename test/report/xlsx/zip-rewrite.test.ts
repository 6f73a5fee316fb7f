import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { rewriteZip } from '../../../src/report/xlsx/zip-rewrite.js';
import { readZipEntry } from '../../helpers/zip-entries.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function makeZip(file: string, entries: [string, string][]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of entries) zip.addBuffer(Buffer.from(text), name);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(file));
}

async function entryNames(file: string): Promise<string[]> {
  const zip = await yauzl.openPromise(file);
  const names: string[] = [];
  for await (const entry of zip.eachEntry()) names.push(entry.fileName);
  zip.close();
  return names;
}

const upper = () =>
  new Transform({
    transform(chunk: Buffer, _e, done) {
      done(null, chunk.toString('utf8').toUpperCase());
    },
  });

describe('rewriteZip', () => {
  it('copies every entry in its order, rewriting only the entries a fix is given for', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fleet-scan-zip-'));
    const source = join(dir, 'in.zip');
    const target = join(dir, 'out.zip');
    const big = 'row '.repeat(200_000);
    await makeZip(source, [['[Content_Types].xml', '<types/>'], ['xl/a.xml', '<a>fix me</a>'], ['xl/big.xml', big]]);
    await rewriteZip(source, target, (name) => (name === 'xl/a.xml' ? upper : undefined));
    expect(await entryNames(target)).toEqual(['[Content_Types].xml', 'xl/a.xml', 'xl/big.xml']);
    expect(readZipEntry(target, 'xl/a.xml')).toBe('<A>FIX ME</A>');
    expect(readZipEntry(target, '[Content_Types].xml')).toBe('<types/>');
    expect(readZipEntry(target, 'xl/big.xml')).toBe(big);
  });

  it('rejects with the error of a fix that fails', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fleet-scan-zip-'));
    const source = join(dir, 'in.zip');
    await makeZip(source, [['a.xml', '<a/>'], ['b.xml', '<b/>']]);
    const broken = () =>
      new Transform({
        transform(_chunk, _e, done) {
          done(new Error('part is not well formed'));
        },
      });
    await expect(rewriteZip(source, join(dir, 'out.zip'), (name) => (name === 'a.xml' ? broken : undefined))).rejects.toThrow(
      'part is not well formed',
    );
  });

  it('rejects a source that is not a zip file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fleet-scan-zip-'));
    const source = join(dir, 'in.zip');
    await pipeline(async function* () { yield 'not a zip'; }, createWriteStream(source));
    await expect(rewriteZip(source, join(dir, 'out.zip'), () => undefined)).rejects.toThrow(/end of central directory/i);
  });
});
