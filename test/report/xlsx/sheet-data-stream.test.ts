import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { sheetDataStream } from '../../../src/report/xlsx/sheet-data-stream.js';

const HEAD = '<?xml version="1.0"?><worksheet xmlns="x"><cols/>';
const DATA = '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2"><v>3</v></c></row></sheetData>';
const TAIL = '<hyperlinks/><pageSetup/></worksheet>';

/** The part pushed through the stream in chunks of `size` bytes, with head and tail marked by the fix. */
async function run(xml: string, size: number): Promise<string> {
  const chunks: Buffer[] = [];
  const bytes = Buffer.from(xml);
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  const stream = Readable.from(chunks).pipe(sheetDataStream({ head: (h) => `[${h}]`, tail: (t) => `{${t}}` }));
  return (await buffer(stream)).toString('utf8');
}

describe('sheetDataStream', () => {
  it('hands the head and tail to the fix and passes the sheet data through byte for byte, however the chunks fall', async () => {
    for (const size of [1, 7, 64, 100_000]) {
      expect(await run(HEAD + DATA + TAIL, size)).toBe(`[${HEAD}]${DATA}{${TAIL}}`);
    }
  });

  it('handles an empty <sheetData/>', async () => {
    expect(await run(`${HEAD}<sheetData/>${TAIL}`, 5)).toBe(`[${HEAD}]<sheetData/>{${TAIL}}`);
  });

  it('fails on a part with no sheet data or with sheet data never closed', async () => {
    await expect(run(HEAD + TAIL, 10)).rejects.toThrow(/no <sheetData>/);
    await expect(run(HEAD + '<sheetData><row r="1"/>', 10)).rejects.toThrow(/inside <sheetData>/);
  });
});
