import { compareWithPrevious } from '../../history/compare-with-previous.js';
import type { RunHistory } from '../../history/open-run-history.js';
import { readTrend } from '../../history/trend.js';
import { errorLine } from '../../record/one-line.js';
import type { RunRecord } from '../../record/run-record.js';

export interface RecordedRun {
  record: RunRecord;
  /** Why the history could not take the run (a full disk, a damaged database): one line; the run goes on without it. */
  problem?: string;
}

/**
 * The run compared with the previous one of its inventory and pack, given its trend, and saved; as it was
 * without a history. A history that fails now, after the scan, costs the comparison and the save, never the
 * reports: the run is returned as it was, with the one line that says so (the save is one transaction, so
 * the history keeps every earlier run).
 */
export function recordInHistory(history: RunHistory | undefined, record: RunRecord): RecordedRun {
  if (!history) return { record };
  try {
    const compared = compareWithPrevious(history.store, record);
    const withTrend = { ...compared, trend: readTrend(history.store, compared) };
    history.store.saveRun(withTrend);
    return { record: withTrend };
  } catch (error) {
    const why = errorLine(error);
    const where = `history ${history.store.file}`;
    // A HistoryError names the file already.
    return { record, problem: why.startsWith(where) ? `${why}; this run was not saved` : `${where}: this run was not saved: ${why}` };
  }
}
