import { compareWithPrevious } from '../../history/compare-with-previous.js';
import type { RunHistory } from '../../history/open-run-history.js';
import { readTrend } from '../../history/trend.js';
import type { RunRecord } from '../../record/run-record.js';

/** The run compared with the previous one of its inventory and pack, given its trend, and saved; as it was without a history. */
export function recordInHistory(history: RunHistory | undefined, record: RunRecord): RunRecord {
  if (!history) return record;
  const compared = compareWithPrevious(history.store, record);
  const withTrend = { ...compared, trend: readTrend(history.store, compared) };
  history.store.saveRun(withTrend);
  return withTrend;
}
