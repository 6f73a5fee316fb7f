import type { RunRecord } from '../../record/run-record.js';
import { renderSummary } from '../../report/console.js';
import type { WriteReportsResult } from '../../report/write-reports.js';
import type { SummaryStyle } from './output-flags.js';

export interface SummaryStreams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** The end of a scan on the console: one `error:` line per report not written (stderr), then the summary (stdout). */
export function printSummary(
  record: RunRecord,
  written: WriteReportsResult,
  exitCode: number,
  style: SummaryStyle,
  streams: SummaryStreams = process,
): void {
  for (const e of written.errors) streams.stderr.write(`error: ${e}\n`);
  streams.stdout.write(renderSummary(record, { ...style, reportPaths: Object.values(written.paths), exitCode }));
}
