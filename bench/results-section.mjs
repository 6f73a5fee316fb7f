// Writes one generated block of bench/RESULTS.md between its markers; the prose around the markers is kept.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Replaces the block between begin and end, or appends it under heading if it is missing. */
export function replaceSection(file, { begin, end, heading }, markdown) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  const next = a >= 0 && b > a
    ? text.slice(0, a) + markdown + text.slice(b + end.length)
    : `${text.trimEnd()}\n\n${heading}\n\n${markdown}\n`;
  writeFileSync(file, next);
}
