import path from 'node:path';
import { diffRuns } from '../../history/diff.js';
import { defaultHistoryPath, HistoryError, openHistory, type HistoryStore } from '../../history/store.js';
import type { RunChanges } from '../../record/run-record.js';
import { UsageError } from '../usage-error.js';
import { durationFlag, pathFlag } from '../durations.js';
import { existsSync } from 'node:fs';

function open(file: string | undefined): HistoryStore {
  const resolved = file === undefined ? defaultHistoryPath() : path.resolve(pathFlag('history', file, 'file'));
  if (!existsSync(resolved)) throw new UsageError(`history ${resolved}: no history yet (run a scan first)`);
  try {
    return openHistory(resolved);
  } catch (error) {
    // Not a database, damaged, or from a newer fleet-scan: bad input, in its one line.
    if (error instanceof HistoryError) throw new UsageError(error.message);
    throw error;
  }
}

/** `fleet-scan history`: past runs, newest first. */
export function historyListCommand(args: { history?: string; limit: number }): number {
  if (!Number.isInteger(args.limit) || args.limit < 1) throw new UsageError(`--limit: must be a whole number of at least 1, got ${args.limit}`);
  const store = open(args.history);
  try {
    const runs = store.listRuns({ limit: args.limit });
    process.stdout.write(`${'RUN'.padEnd(26)} ${'STARTED'.padEnd(20)} ${'HOSTS'.padStart(5)} ${'FAILING'.padStart(7)} ${'UNSEEN'.padStart(6)} ${'TIME'.padStart(7)}  INVENTORY\n`);
    for (const r of runs) {
      const started = r.startedAt.replace('T', ' ').slice(0, 19);
      const time = `${(r.durationMs / 1000).toFixed(0)} s`;
      process.stdout.write(
        `${r.runId.padEnd(26)} ${started.padEnd(20)} ${String(r.hostCount).padStart(5)} ${String(r.failHosts).padStart(7)} ${String(r.unreachableHosts).padStart(6)} ${time.padStart(7)}  ${r.inventoryKey}${r.interrupted ? ' (interrupted)' : ''}\n`,
      );
    }
    if (runs.length === 0) process.stdout.write('no runs recorded\n');
    return 0;
  } finally {
    store.close();
  }
}

/** `fleet-scan history prune --keep 90d|N`: drop old runs. */
export function historyPruneCommand(args: { history?: string; keep: string }): number {
  const keep = keepFlag(args.keep);
  const store = open(args.history);
  try {
    const removed = store.prune({ ...keep, vacuum: true });
    process.stdout.write(`pruned ${removed} runs from ${store.file}\n`);
    return 0;
  } finally {
    store.close();
  }
}

/**
 * `--keep`, read before the history is opened: `90d` keeps 90 days, `90` the newest 90 runs of each
 * inventory and pack, a duration (`12h`) that long. Keeping nothing is never what was meant.
 */
function keepFlag(keep: string): { keep: number } | { olderThanMs: number } {
  const days = /^(\d{1,6})d$/.exec(keep);
  if (/^\d{1,9}$/.test(keep)) {
    if (Number(keep) < 1) throw new UsageError(`--keep: keeps at least 1 run (0 would delete every run), got ${JSON.stringify(keep)}`);
    return { keep: Number(keep) };
  }
  if (days) return { olderThanMs: Number(days[1]) * 86_400_000 };
  try {
    return { olderThanMs: durationFlag('keep', keep) };
  } catch {
    throw new UsageError(`--keep: must be days like 90d, a number of runs like 50, or a duration like 12h, got ${JSON.stringify(keep).slice(0, 80)}`);
  }
}

/** `fleet-scan diff [RUN_A] [RUN_B]`: what changed between two runs (default: the last two). */
export function diffCommand(args: { history?: string; runA?: string; runB?: string }): number {
  const store = open(args.history);
  try {
    let previous;
    let current;
    if (args.runA && args.runB) {
      previous = store.getRun(args.runA);
      current = store.getRun(args.runB);
      if (!previous) throw new UsageError(`diff: no run ${args.runA} in ${store.file}`);
      if (!current) throw new UsageError(`diff: no run ${args.runB} in ${store.file}`);
    } else if (args.runA) {
      current = store.getRun(args.runA);
      if (!current) throw new UsageError(`diff: no run ${args.runA} in ${store.file}`);
      previous = store.previousRun(current.inventory.key, current.pack.name, current.startedAt);
      if (!previous) throw new UsageError(`diff: run ${args.runA} has no earlier run of the same inventory and pack`);
    } else {
      const two = store.lastTwoRuns();
      if (!two) throw new UsageError(`diff: ${store.file} holds fewer than two runs`);
      ({ previous, current } = two);
    }
    const changes = diffRuns(previous, current);
    process.stdout.write(formatChanges(changes));
    return 0;
  } finally {
    store.close();
  }
}

function formatChanges(changes: RunChanges & { currentRunId?: string }): string {
  const lines = [`changes since run ${changes.previousRunId} (${changes.previousStartedAt}): ${changes.changes.length}`];
  for (const c of changes.changes) lines.push(`  ${c.kind.padEnd(18)} ${c.detail}`);
  if (changes.changes.length === 0) lines.push('  nothing changed');
  return `${lines.join('\n')}\n`;
}
