import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { CheckOutcome } from '../record/check-result.js';
import type { RunRecord, WaiverReport } from '../record/run-record.js';
import { parseJsonText } from '../inventory/json-text.js';
import { fileErrorText } from '../record/file-error.js';
import { errorLine, oneLine } from '../record/one-line.js';
import { WAIVER_FIELDS as FIELDS, waiverSchema, type Waiver } from '../record/waiver-file.js';

const WAIVABLE: ReadonlySet<string> = new Set(['fail', 'warn', 'error']);

export type LoadWaiversResult = { ok: true; waivers: Waiver[] } | { ok: false; waivers: Waiver[]; errors: string[] };

/**
 * Reads waivers from JSON (an array of objects) or CSV with a header row (as Excel saves it: BOM,
 * `,` or `;`). Extra columns are ignored. Every bad row gives one line naming file, row and field;
 * the good rows are returned either way so the caller can decide.
 */
export function loadWaivers(file: string): LoadWaiversResult {
  const name = path.basename(file);
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, waivers: [], errors: [`${file}: cannot read: ${fileErrorText(error)}`] };
  }
  const looksJson = file.toLowerCase().endsWith('.json') || /^\uFEFF?\s*\[/.test(content);
  const rows = looksJson ? jsonRows(name, content) : csvRows(name, content);
  if ('error' in rows) return { ok: false, waivers: [], errors: [rows.error] };

  const waivers: Waiver[] = [];
  const errors: string[] = [];
  for (const { where, value } of rows.rows) {
    const parsed = waiverSchema.safeParse(value);
    if (parsed.success) {
      waivers.push(parsed.data);
      continue;
    }
    // One line per row, every bad field in it, in column order.
    const issues = [...parsed.error.issues].sort(
      (a, b) => FIELDS.indexOf(a.path[0] as never) - FIELDS.indexOf(b.path[0] as never),
    );
    const parts = issues.map((issue) => `(${String(issue.path[0] ?? 'row')}): ${issue.message}`);
    errors.push(`${name}: ${where} ${parts.join('; ')}`);
  }
  return errors.length === 0 ? { ok: true, waivers } : { ok: false, waivers, errors };
}

type Rows = { rows: { where: string; value: unknown }[] } | { error: string };

function jsonRows(name: string, content: string): Rows {
  // The inventory's JSON reader: it says where the file is broken, in one line, and refuses duplicate keys.
  const parsed = parseJsonText(content);
  if (!parsed.ok) return { error: `${name}: not valid JSON: line ${parsed.line} column ${parsed.column}: ${parsed.message}` };
  const data = parsed.value;
  if (!Array.isArray(data)) return { error: `${name}: expected a JSON array of waivers` };
  return { rows: data.map((value, i) => ({ where: `entry ${i + 1}`, value })) };
}

// Rows are numbered as Excel numbers them: the header is row 1.
function csvRows(name: string, content: string): Rows {
  const firstLine = content.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: string[][];
  try {
    records = parseCsv(content, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    return { error: `${name}: not valid CSV: ${oneLine(errorLine(error), 200)}` };
  }
  const header = (records[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const missing = FIELDS.filter((field) => !header.includes(field));
  if (missing.length > 0) return { error: `${name}: row 1: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` };

  const rows: { where: string; value: unknown }[] = [];
  records.forEach((record, index) => {
    if (index === 0 || record.every((cell) => cell.trim() === '')) return;
    const value = Object.fromEntries(FIELDS.map((field) => [field, record[header.indexOf(field)]]));
    rows.push({ where: `row ${index + 1}`, value });
  });
  return { rows };
}

/** `*` any run of characters, `?` exactly one; case-insensitive, as host names and ids are. */
export function wildcardMatcher(pattern: string): (value: string) => boolean {
  const source = pattern
    .split('')
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const regex = new RegExp(`^${source}$`, 'i');
  return (value) => regex.test(value);
}

/**
 * Returns a new record in which every fail/warn/error outcome matched by a live waiver is `waived`
 * (the original kept in `waivedStatus`). A waiver that expired before today (controller's local date)
 * waives nothing and is reported `expired`; one that matches no finding is reported `unmatched`.
 * When several waivers match one finding, the first in the file is the one recorded on it.
 */
export function applyWaivers(record: RunRecord, waivers: readonly Waiver[], now: Date): RunRecord {
  const today = localDate(now);
  const compiled = waivers.map((waiver) => ({
    waiver,
    host: wildcardMatcher(waiver.host),
    check: wildcardMatcher(waiver.check),
    live: waiver.expires >= today,
    matched: 0,
  }));

  const hosts = record.hosts.map((host) => ({
    ...host,
    checks: host.checks.map((outcome): CheckOutcome => {
      if (!WAIVABLE.has(outcome.status)) return outcome;
      let chosen: Waiver | undefined;
      for (const entry of compiled) {
        if (!entry.host(host.name) || !entry.check(outcome.id)) continue;
        entry.matched++;
        if (entry.live && chosen === undefined) chosen = entry.waiver;
      }
      if (chosen === undefined) return outcome;
      return {
        ...outcome,
        status: 'waived',
        waivedStatus: outcome.status as 'fail' | 'warn' | 'error',
        waiver: { justification: chosen.justification, owner: chosen.owner, expires: chosen.expires },
      };
    }),
  }));

  const reports: WaiverReport[] = compiled.map(({ waiver, live, matched }) => ({
    ...waiver,
    state: !live ? 'expired' : matched > 0 ? 'applied' : 'unmatched',
    matched,
  }));
  return { ...record, hosts, waivers: reports };
}

function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
