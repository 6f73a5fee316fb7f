// The trend over the last nights: one point per run of the same inventory and pack, read from the history.
import type { HostResult, RunRecord, TrendPoint } from '../record/run-record.js';
import { UNSEEN_HOST_STATUSES } from '../policy/exit-code.js';
import type { HistoryStore } from './store.js';

/** How many runs the trend holds by default (this one included): two weeks of nightly runs. */
const TREND_RUNS = 14;

const READY_STATUSES: ReadonlySet<string> = new Set(['pass', 'warn', 'skipped', 'waived']);

/** Ready: scanned, and every check passed, warned, was skipped or waived (an error or a check not run proves nothing). */
export function isReadyHost(host: HostResult): boolean {
  return host.status === 'ok' && host.checks.every((c) => READY_STATUSES.has(c.status));
}

/** One run as a trend point; new failures come from the run's own comparison with the run before it. */
export function trendPoint(record: RunRecord): TrendPoint {
  return {
    runId: record.runId,
    startedAt: record.startedAt,
    hosts: record.hosts.length,
    readyHosts: record.hosts.filter(isReadyHost).length,
    failingHosts: record.hosts.filter((h) => h.checks.some((c) => c.status === 'fail')).length,
    unreachableHosts: record.hosts.filter((h) => UNSEEN_HOST_STATUSES.has(h.status)).length,
    newFailures: record.changes ? record.changes.changes.filter((c) => c.kind === 'new-failure').length : null,
  };
}

/**
 * The last `limit` runs of `record`'s inventory and pack, oldest first, ending with `record` itself
 * (which need not be saved yet). Interrupted runs are left out, as comparisons leave them out: they saw
 * only part of the fleet. A stored run that cannot be read is left out too; the trend is never worth a failed scan.
 */
export function readTrend(store: HistoryStore, record: RunRecord, limit = TREND_RUNS): TrendPoint[] {
  const earlier = store.db
    .prepare(`
      SELECT run_id FROM runs
      WHERE inventory_key = ? AND pack = ? AND started_at < ? AND interrupted = 0 AND run_id <> ?
      ORDER BY started_at DESC, rowid DESC LIMIT ?`)
    .pluck()
    .all(record.inventory.key, record.pack.name, utc(record.startedAt), record.runId, Math.max(0, limit - 1)) as string[];
  const points: TrendPoint[] = [];
  for (const runId of earlier.reverse()) {
    const stored = readQuietly(store, runId);
    if (stored) points.push(trendPoint(stored));
  }
  return limit > 0 ? [...points, trendPoint(record)] : [];
}

// The history stores UTC ISO times, so that text order is time order.
function utc(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

function readQuietly(store: HistoryStore, runId: string): RunRecord | undefined {
  try {
    return store.getRun(runId);
  } catch {
    return undefined;
  }
}
