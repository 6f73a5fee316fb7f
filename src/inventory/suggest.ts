import { showValue } from './show-value.js';

/** The known name closest to a mistyped one (`hsots` -> `hosts`), or undefined when nothing is close. */
export function closestName(typed: string, known: readonly string[]): string | undefined {
  const lower = typed.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const distance = editDistance(lower, name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  // Allow about one typo per three letters, at least two (a swap counts as two).
  const allowed = Math.max(2, Math.floor(typed.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** The `unknown field "x" (did you mean "y"?)` wording, shared by JSON fields and CSV columns. */
export function unknownNameMessage(kind: 'field' | 'column', typed: string, known: readonly string[]): string {
  const suggestion = closestName(typed, known);
  return `unknown ${kind} ${showValue(typed)}${suggestion ? ` (did you mean ${JSON.stringify(suggestion)}?)` : ''}`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
