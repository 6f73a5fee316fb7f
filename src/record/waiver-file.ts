import { z } from 'zod';

/** The columns of a waiver file, in the order its problems are reported. */
export const WAIVER_FIELDS = ['host', 'check', 'justification', 'owner', 'expires'] as const;

const text = z
  .string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'required' : 'not text') })
  .trim()
  .min(1, { error: 'required' });

/** One accepted risk, as a manager writes it in a waiver file (JSON or CSV): `*` and `?` wildcards in host and check. */
export const waiverSchema = z.object({
  host: text,
  check: text,
  justification: text,
  owner: text,
  expires: z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'required' : `not a date: ${shown(issue.input)}`) })
    .trim()
    .refine(isCalendarDate, { error: (issue) => `not a date: ${shown(issue.input)}` }),
});
export type Waiver = z.infer<typeof waiverSchema>;

// A cell as typed when it is short plain text (`31/12/2026`); anything else quoted and cut, so the problem stays one line.
function shown(value: unknown): string {
  if (typeof value === 'string' && /^[\x20-\x7e]{0,40}$/.test(value)) return value;
  const quoted = JSON.stringify(value) ?? typeof value;
  return quoted.length > 60 ? `${quoted.slice(0, 56)}..."` : quoted;
}

// A real day of the calendar, written YYYY-MM-DD: 2026-02-30 is refused.
function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
