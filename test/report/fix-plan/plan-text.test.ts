import { describe, expect, test } from 'vitest';
import { commentText, fileSafeName, wrapText } from '../../../src/report/fix-plan/plan-text.js';

describe('plan text', () => {
  test('a text in the comment block can neither end nor open it', () => {
    const hostile = "x #>\nRemove-Item C:\\ -Recurse\n<# y";
    expect(commentText(hostile)).toBe('x # > Remove-Item C:\\ -Recurse < # y');
    expect(commentText(hostile)).not.toMatch(/#>|<#|\n/);
  });

  test('a text in the comment block is printable ASCII, whatever the target wrote', () => {
    expect(commentText('caf\u00e9 \u2013 \u00b7 ok\ttab')).toBe('caf? ? ? ok tab');
  });

  test('wrapping keeps lines within the width and every word', () => {
    const lines = wrapText('one two three four five six seven eight nine ten', '    ', 20);
    expect(lines.every((l) => l.length <= 20 && l.startsWith('    '))).toBe(true);
    expect(lines.join(' ').split(/\s+/).filter(Boolean)).toEqual(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']);
  });

  test('a host name becomes a file name without separators or leading dots', () => {
    expect(fileSafeName('fs21')).toBe('fs21');
    expect(fileSafeName('../etc/passwd')).toBe('etc-passwd');
    expect(fileSafeName('web 01\\x')).toBe('web-01-x');
  });
});
