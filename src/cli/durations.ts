import { checkDuration } from '../inventory/duration.js';
import { UsageError } from './usage-error.js';

/** A duration flag (`90s`, `2m`, `500ms`, or seconds) in milliseconds, or a usage error naming the flag (zero is no duration). */
export function durationFlag(flag: string, value: string | number): number {
  const parsed = checkDuration(value);
  if (!parsed.ok) throw new UsageError(`--${flag}: ${parsed.error}`);
  return parsed.ms;
}

/** A comma-separated list flag (`--checks a,b --checks c`) as a clean array, or null when absent. */
export function listFlag(value: string | string[] | undefined): string[] | null {
  if (value === undefined) return null;
  const items = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter(Boolean);
  return items.length ? items : null;
}
