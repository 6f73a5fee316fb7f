// A worksheet part, rewritten while it streams: only the elements before <sheetData> and after
// </sheetData> are held in memory and handed to a fix; the rows (all but a few KB of a 10,000-host
// sheet) pass through untouched.
import { Transform, type TransformCallback } from 'node:stream';

export interface SheetEnds {
  /** Everything before `<sheetData`: the XML declaration, the `<worksheet>` open tag and its first children. */
  head(xml: string): string;
  /** Everything after the sheet data: the last children and `</worksheet>`. */
  tail(xml: string): string;
}

const OPEN = Buffer.from('<sheetData');
const CLOSE = Buffer.from('</sheetData>');
const EMPTY = Buffer.from('<sheetData/>');

export function sheetDataStream(fix: SheetEnds): Transform {
  let state: 'head' | 'data' | 'tail' = 'head';
  let held: Buffer = Buffer.alloc(0);

  // Moves through the states as far as the bytes held allow, pushing what is settled.
  function advance(stream: Transform): void {
    if (state === 'head') {
      const at = held.indexOf(OPEN);
      // Wait until the whole open tag is here: `<sheetData>` and `<sheetData/>` share their start.
      if (at < 0 || held.length < at + EMPTY.length) return;
      const empty = held.indexOf(EMPTY, at) === at;
      stream.push(fix.head(held.subarray(0, at).toString('utf8')));
      held = held.subarray(at);
      state = empty ? 'tail' : 'data';
      if (empty) {
        stream.push(EMPTY);
        held = held.subarray(EMPTY.length);
      }
    }
    if (state === 'data') {
      const at = held.indexOf(CLOSE);
      if (at < 0) {
        // Keep enough bytes back to find a close tag split across two chunks.
        const keep = Math.min(held.length, CLOSE.length - 1);
        stream.push(held.subarray(0, held.length - keep));
        held = held.subarray(held.length - keep);
        return;
      }
      stream.push(held.subarray(0, at + CLOSE.length));
      held = held.subarray(at + CLOSE.length);
      state = 'tail';
    }
  }

  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      try {
        held = held.length === 0 ? chunk : Buffer.concat([held, chunk]);
        advance(this);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      try {
        if (state !== 'tail') throw new Error(`worksheet part ends inside ${state === 'head' ? 'its head (no <sheetData>)' : '<sheetData>'}`);
        this.push(fix.tail(held.toString('utf8')));
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}
