import type { RunRecord } from '../record/run-record.js';
import { diffRuns } from './diff.js';
import type { HistoryStore } from './store.js';

/**
 * The record with `changes` since the previous complete run of the same inventory and pack; the record
 * as it was (`changes` null) when the history holds no such run, so every finding counts as new.
 */
export function compareWithPrevious(store: Pick<HistoryStore, 'previousRun'>, record: RunRecord): RunRecord {
  const previous = store.previousRun(record.inventory.key, record.pack.name, record.startedAt);
  return previous ? { ...record, changes: diffRuns(previous, record) } : record;
}
