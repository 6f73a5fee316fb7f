import path from 'node:path';
import { openRunHistory, type RunHistory } from '../../history/open-run-history.js';
import { defaultHistoryPath } from '../../history/store.js';
import { pathFlag } from '../durations.js';
import { UsageError } from '../usage-error.js';

/** The history a scan records into: `--history FILE`, the per-user default, or none with `--no-history`. */
export function scanHistoryFile(flag: string | boolean | undefined): string | undefined {
  if (flag === false) return undefined;
  return typeof flag === 'string' ? path.resolve(pathFlag('history', flag, 'file')) : defaultHistoryPath();
}

/** Locks and opens `scanHistoryFile(flag)`; a history another run holds, or one that cannot be read, is a usage error. */
export function openScanHistory(flag: string | boolean | undefined): RunHistory | undefined {
  const file = scanHistoryFile(flag);
  if (file === undefined) return undefined;
  const opened = openRunHistory(file);
  if (!opened.ok) throw new UsageError(opened.message);
  return opened.history;
}
