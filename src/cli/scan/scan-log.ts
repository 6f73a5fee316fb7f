import { openRunLog, type RunLog } from '../../report/run-log.js';
import { UsageError } from '../usage-error.js';

/** `--log FILE`, opened before the scan so a log that cannot be written stops the run before it starts. */
export function openScanLog(file: string | undefined): RunLog | undefined {
  if (file === undefined) return undefined;
  const opened = openRunLog(file);
  if (!opened.ok) throw new UsageError(opened.message);
  return opened.log;
}
