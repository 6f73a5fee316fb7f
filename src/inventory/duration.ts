// Durations as people type them (`500ms`, `15s`, `2m`, `1h`) or a bare number of seconds.
// One parser for the inventory's `connectTimeout` and the CLI's `--deadline` / `--connect-timeout`.
import { showValue } from './show-value.js';

/** A duration as written: digits with an optional fraction and an optional unit (no unit = seconds). */
export const DURATION_PATTERN = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/;

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** The rule a bad duration breaks, worded for one-line error messages. */
const DURATION_RULE = 'must be a duration like 500ms, 15s or 2m, or a number of seconds';

/** Milliseconds for a duration, or the reason it is not one (`must be ..., got "abc"`). */
export function checkDuration(value: unknown): { ok: true; ms: number } | { ok: false; error: string } {
  const ms = toMilliseconds(value);
  if (ms === undefined) return { ok: false, error: `${DURATION_RULE}, got ${showValue(value)}` };
  return { ok: true, ms };
}

/** Milliseconds for `90s`, `500ms`, `2m`, `1h` or a number of seconds; throws an Error with a one-line message. */
export function parseDuration(value: string | number): number {
  const result = checkDuration(value);
  if (!result.ok) throw new Error(result.error);
  return result.ms;
}

function toMilliseconds(value: unknown): number | undefined {
  let ms: number;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    ms = value * 1000;
  } else if (typeof value === 'string') {
    const match = DURATION_PATTERN.exec(value.trim());
    if (!match) return undefined;
    ms = Number(match[1]) * UNIT_MS[(match[2] ?? 's') as keyof typeof UNIT_MS];
  } else {
    return undefined;
  }
  const rounded = Math.round(ms);
  // Zero or negative durations are always a mistake (a deadline of 0 would fail every host at once).
  return rounded >= 1 && Number.isSafeInteger(rounded) ? rounded : undefined;
}
