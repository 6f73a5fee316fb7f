// The console summary the admin reads at the end of a scan. Pure: returns text, never prints.
import type { Change, HostResult, RunRecord } from '../record/run-record.js';
import { formatDuration, plural } from './format.js';
import { runNotes } from './run-notes.js';
import { summarizeRun, type RunSummary } from './summarize.js';
import { CHANGE_KIND_ORDER, sortChanges } from './changes.js';
import { exitMeaning } from '../policy/exit-code.js';
import { visibleText } from './visible-text.js';

export interface RenderOptions {
  color: boolean;
  verbose: boolean;
  /** How many hosts and change lines to list when not verbose. */
  top?: number;
  reportPaths: string[];
  exitCode: number;
}

const ANSI = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  magenta: [35, 39],
  cyan: [36, 39],
} as const;
type Paint = (style: keyof typeof ANSI, text: string) => string;

/**
 * Colour iff the stream is a TTY, NO_COLOR is unset or empty and TERM is not `dumb`;
 * FORCE_COLOR overrides all of that (`0`/`false` forces colour off, anything else on).
 */
export function shouldUseColor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force.toLowerCase() === 'false');
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

// Pad before painting so escape codes never upset column alignment.
function checksTable(summary: RunSummary, paint: Paint, limit: number): string[] {
  const rows = summary.checks.filter((c) => c.counts.fail + c.counts.warn + c.counts.error > 0);
  if (rows.length === 0) return [];
  const shown = rows.slice(0, limit);
  const idWidth = Math.max(5, ...shown.map((c) => c.id.length));
  const out = [
    paint('bold', 'Checks by failing hosts'),
    `  ${pad('check', idWidth)}  ${pad('problem', 44)}  ${'fail'.padStart(5)}  ${'warn'.padStart(5)}  ${'error'.padStart(5)}`,
  ];
  for (const c of shown) {
    const num = (n: number, style: keyof typeof ANSI, width = 5) => (n > 0 ? paint(style, String(n).padStart(width)) : String(n).padStart(width));
    out.push(
      `  ${pad(c.id, idWidth)}  ${pad(clip(c.failure, 44), 44)}  ${num(c.counts.fail, 'red')}  ${num(c.counts.warn, 'yellow')}  ${num(c.counts.error, 'magenta')}`,
    );
  }
  if (rows.length > shown.length) out.push(paint('dim', `  … and ${rows.length - shown.length} more checks (--verbose lists all)`));
  return out;
}

interface ProblemHost {
  host: HostResult;
  failing: string[];
}

function problemHosts(record: RunRecord): ProblemHost[] {
  const failed: ProblemHost[] = [];
  const unscanned: ProblemHost[] = [];
  for (const host of record.hosts) {
    const failing = host.checks.filter((c) => c.status === 'fail').map((c) => c.id);
    if (host.status !== 'ok') unscanned.push({ host, failing });
    else if (failing.length > 0) failed.push({ host, failing });
  }
  const byName = (a: ProblemHost, b: ProblemHost) => (a.host.name < b.host.name ? -1 : a.host.name > b.host.name ? 1 : 0);
  failed.sort((a, b) => b.failing.length - a.failing.length || byName(a, b));
  unscanned.sort(byName);
  // Hosts that failed come first: they are the actionable ones.
  return [...failed, ...unscanned];
}

function hostsSection(record: RunRecord, paint: Paint, limit: number): string[] {
  const hosts = problemHosts(record);
  if (hosts.length === 0) return [];
  const shown = hosts.slice(0, limit);
  const nameWidth = Math.max(4, ...shown.map((h) => h.host.name.length));
  const title = hosts.length > shown.length ? `Hosts that failed or could not be scanned (${shown.length} of ${hosts.length})` : 'Hosts that failed or could not be scanned';
  const out = [paint('bold', title)];
  for (const { host, failing } of shown) {
    const status = host.status === 'ok' ? 'fail' : host.status;
    const style = status === 'fail' ? 'red' : 'magenta';
    // A reason carries the host's own words: a terminal must not obey escapes in them.
    const details = visibleText([host.status === 'ok' ? '' : (host.reason ?? ''), failing.join(', ')].filter(Boolean).join('; '));
    out.push(`  ${pad(host.name, nameWidth)}  ${paint(style, pad(status, 11))}  ${details}`);
  }
  if (hosts.length > shown.length) out.push(paint('dim', `  … and ${plural(hosts.length - shown.length, 'more host')} (--verbose lists all)`));
  return out;
}

function changeLine(change: Change): string {
  const transition = change.before !== undefined || change.after !== undefined ? `${change.before ?? '-'} -> ${change.after ?? '-'}` : '';
  return visibleText([change.kind, change.host, change.check ?? '', transition, change.detail].filter(Boolean).join('  '));
}

function changesSection(record: RunRecord, paint: Paint, limit: number): string[] {
  if (record.changes === null) return [];
  const { changes, previousRunId, previousStartedAt } = record.changes;
  const out = [paint('bold', `What changed since run ${previousRunId} (${previousStartedAt})`)];
  if (changes.length === 0) return [...out, '  nothing'];
  const counts = CHANGE_KIND_ORDER.map((kind) => [kind, changes.filter((c) => c.kind === kind).length] as const).filter(([, n]) => n > 0);
  out.push(`  ${counts.map(([kind, n]) => `${kind} ${n}`).join(' · ')}`);
  const sorted = sortChanges(changes);
  for (const change of sorted.slice(0, limit)) out.push(`  ${changeLine(change)}`);
  if (sorted.length > limit) out.push(paint('dim', `  … and ${plural(sorted.length - limit, 'more change')} (see the Changes sheet)`));
  return out;
}

function waiversSection(record: RunRecord, paint: Paint): string[] {
  const stale = record.waivers.filter((w) => w.state !== 'applied');
  if (stale.length === 0) return [];
  const out = [paint('bold', 'Waivers that need attention')];
  for (const w of stale) {
    const what = w.state === 'expired' ? `expired ${w.expires}` : 'matched no host and check';
    out.push(`  ${paint('yellow', pad(w.state, 9))}  ${w.host}  ${w.check}  ${what} (owner: ${w.owner})`);
  }
  return out;
}

/** The end-of-scan summary as text, with ANSI colours only when `color` is true. */
export function renderSummary(record: RunRecord, options: RenderOptions): string {
  const paint: Paint = options.color ? (style, text) => `\u001b[${ANSI[style][0]}m${text}\u001b[${ANSI[style][1]}m` : (_style, text) => text;
  const limit = options.verbose ? Number.POSITIVE_INFINITY : (options.top ?? 10);
  const summary = summarizeRun(record);

  const sections: string[][] = [];
  const head = [
    paint('bold', `fleet-scan ${record.pack.name} ${record.pack.version}`) +
      ` · run ${record.runId} · ${plural(record.hosts.length, 'host')} in ${formatDuration(record.durationMs)}`,
    paint(summary.failingHosts > 0 ? 'red' : summary.unscannedHosts > 0 ? 'magenta' : 'green', summary.verdict),
  ];
  if (record.interrupted) head.push(paint('red', 'The run was interrupted: results are incomplete.'));
  for (const note of runNotes(record)) head.push(paint('dim', note));
  sections.push(head);
  sections.push(checksTable(summary, paint, limit));
  sections.push(hostsSection(record, paint, limit));
  sections.push(changesSection(record, paint, limit));
  sections.push(waiversSection(record, paint));
  if (options.reportPaths.length > 0) sections.push([paint('bold', 'Reports'), ...options.reportPaths.map((p) => `  ${p}`)]);
  const meaning = exitMeaning(options.exitCode);
  sections.push([paint(options.exitCode === 0 ? 'green' : 'bold', `Exit code ${options.exitCode}: ${meaning}`)]);

  return sections.filter((s) => s.length > 0).map((s) => s.join('\n')).join('\n\n') + '\n';
}
