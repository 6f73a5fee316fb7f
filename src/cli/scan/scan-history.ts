import path from 'node:path';
import { openRunHistory, type RunHistory } from '../../history/open-run-history.js';
import { defaultHistoryPath } from '../../history/store.js';
import { UsageError } from '../usage-error.js';

/** `--history FILE`, the per-user default, or none with `--no-history`; a history another run holds is a usage error. */
export function openScanHistory(flag: string | boolean | undefined): RunHistory | undefined {
  if (flag === false) return undefined;
  const opened = openRunHistory(typeof flag === 'string' ? path.resolve(flag) : defaultHistoryPath());
  if (!opened.ok) throw new UsageError(opened.message);
  return opened.history;
}
