import { describe, expect, it } from 'vitest';
import { CELL_MAX_CHARS, cellText, stripXmlIllegal } from '../../src/report/text.js';

describe('stripXmlIllegal', () => {
  it('drops C0 controls but keeps tab, newline and carriage return', () => {
    expect(stripXmlIllegal('a\u0000b\u0007c\u001b[0m\td\ne\rf')).toBe('abc[0m\td\ne\rf');
  });

  it('drops lone surrogates and keeps real astral characters', () => {
    expect(stripXmlIllegal('x\uD800y\uDC00z 😀')).toBe('xyz 😀');
  });
});

describe('cellText', () => {
  it('returns short text unchanged', () => {
    expect(cellText('07670')).toBe('07670');
  });

  it('cuts text to exactly the cell limit and names how much was cut', () => {
    const out = cellText('y'.repeat(100_000));
    expect(out.length).toBe(CELL_MAX_CHARS);
    const cut = Number(/truncated: (\d+) more/.exec(out)![1]);
    expect(out.indexOf('\n[truncated')).toBe(100_000 - cut);
  });
});
