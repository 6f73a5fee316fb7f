import { describe, expect, it } from 'vitest';
import { CappedLines } from '../../../src/runner/transports/capped-lines.js';

function collect(cap: number) {
  const lines: string[] = [];
  const caps: string[] = [];
  const splitter = new CappedLines(cap, (l) => lines.push(...l), (m) => caps.push(m));
  return { splitter, lines, caps };
}

describe('CappedLines', () => {
  it('joins a line split over chunks and hands on whole lines only', () => {
    const { splitter, lines } = collect(1000);
    splitter.push('fir');
    splitter.push('st\nsec');
    expect(lines).toEqual(['first']);
    splitter.push('ond\nthird\n');
    expect(lines).toEqual(['first', 'second', 'third']);
  });

  it('hands on a last line without its line break when the output ends', () => {
    const { splitter, lines } = collect(1000);
    splitter.push('a\nb');
    splitter.end();
    expect(lines).toEqual(['a', 'b']);
  });

  it('counts bytes, not characters, and calls the cap once, after which nothing more is read', () => {
    const { splitter, lines, caps } = collect(10);
    splitter.push('ééééé'); // 10 bytes in UTF-8
    expect(caps).toEqual([]);
    splitter.push('x');
    splitter.push('more\n');
    splitter.end();
    expect(caps).toEqual(['output exceeded the cap of 10 bytes']);
    expect(lines).toEqual([]);
  });
});
