import { describe, expect, it } from 'vitest';
import { columnLetter, wrappedRowHeight } from '../../../src/report/xlsx/sheet-kit.js';

describe('columnLetter', () => {
  it('names columns the way spreadsheets do, past Z and past ZZ', () => {
    expect([1, 26, 27, 38, 52, 702, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AL', 'AZ', 'ZZ', 'AAA']);
  });
});

describe('wrappedRowHeight', () => {
  it('leaves one-line rows at the default height', () => {
    expect(wrappedRowHeight([['short', 20]])).toBeUndefined();
  });

  it('grows a row by 15 points per line, counting long lines that wrap', () => {
    expect(wrappedRowHeight([['a\nb\nc', 20]])).toBe(45);
    expect(wrappedRowHeight([['x'.repeat(40), 20], ['one', 10]])).toBe(30);
  });

  it('never asks for more than the 409 points Excel allows', () => {
    expect(wrappedRowHeight([['line\n'.repeat(200), 50]])).toBe(409);
  });
});
