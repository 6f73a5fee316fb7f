// What the bad-input tests feed fleet-scan: text that breaks naive parsers (BOMs, CRLF, NUL, bidi
// overrides, shell and PowerShell metacharacters, huge values), a CSV writer, and the one-line rule.
import fc from 'fast-check';
import { expect } from 'vitest';

/** Values a hostile or careless inventory, waiver file or flag could hold. */
export const NASTY_VALUES = [
  '', ' ', '\t', '-1', '0', '1e309', 'NaN', 'null', 'true', '[]', '{}',
  'x'.repeat(10_000), 'ünïcödé-名前', '\uFEFFbom', 'a\r\nb', 'a\nb', 'a\u0000b', '\u202Eevil',
  'host; rm -rf /', '$(touch /tmp/fs-pwned)', '`id`', "'quoted'", '"double"', '-oProxyCommand=id',
  '@(Stop-Computer)', "'@\n$(Stop-Computer)\n'@", '%PATH%', '../../etc/passwd', 'C:\\Windows\\System32',
] as const;

/** Arbitrary text mixed with the nasty values and their pieces. */
export const nastyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NASTY_VALUES),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom(...NASTY_VALUES, ',', ';', '"', '\n', '\r\n', '#', '{', '['), { maxLength: 6 }).map((parts) => parts.join('')),
);

/** CSV with every cell quoted (quotes doubled), as Excel writes a cell that needs it. */
export function toCsv(rows: readonly (readonly string[])[], eol = '\n'): string {
  return rows.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')).join(eol) + eol;
}

/** Every problem is one non-empty line, with no stack frame. */
export function oneLineProblems(problems: readonly string[]): void {
  for (const line of problems) {
    expect(line, JSON.stringify(line)).not.toMatch(/[\r\n]/);
    expect(line.trim(), JSON.stringify(line)).not.toBe('');
    expect(line).not.toMatch(/^\s+at /);
  }
}
