import { describe, expect, it } from 'vitest';
import { errorLine, oneLine, REASON_MAX, reasonLine } from '../../src/record/one-line.js';

describe('oneLine', () => {
  it('joins lines and runs of whitespace into single spaces, trimmed', () => {
    expect(oneLine('  ssh: connect to host fs02\r\n   port 22:\tConnection refused \n')).toBe('ssh: connect to host fs02 port 22: Connection refused');
  });

  it('cuts at the given length with an ellipsis, and not at all without one', () => {
    expect(oneLine('abcdefghij', 5)).toBe('abcd…');
    expect(oneLine('abcde', 5)).toBe('abcde');
    expect(oneLine('x'.repeat(10_000))).toHaveLength(10_000);
  });
});

describe('reasonLine', () => {
  it('is one line of at most REASON_MAX characters', () => {
    expect(reasonLine('a\nb')).toBe('a b');
    expect(reasonLine('y'.repeat(1000))).toHaveLength(REASON_MAX);
  });
});

describe('errorLine', () => {
  it('is the first line of an error message, never its stack', () => {
    const error = new Error('disk full\n    at write (fs.js:1:1)');
    expect(errorLine(error)).toBe('disk full');
  });

  it('gives a thrown value that is not an error as text', () => {
    expect(errorLine('plain\nsecond')).toBe('plain');
    expect(errorLine(42)).toBe('42');
  });
});
