import type { PaperSize } from '../../report/pdf.js';
import { rebuildReports } from '../../report/write-reports.js';
import { UsageError } from '../usage-error.js';

/**
 * `fleet-scan report RUN.json --xlsx FILE [--junit FILE] [--html FILE] [--pdf FILE]`: any report again, from the run record, no rescan.
 * A record it cannot read or a file it cannot write is bad input (exit 2), one line each; what it could write stays written.
 */
export async function reportCommand(args: { run: string; xlsx?: string; junit?: string; html?: string; pdf?: string; paper?: PaperSize }): Promise<number> {
  if (args.run.trim() === '') throw new UsageError('report: give the run record (.json) to rebuild the reports from');
  if (!args.xlsx && !args.junit && !args.html && !args.pdf) throw new UsageError('report: say what to write: --xlsx, --junit, --html and/or --pdf FILE');
  const result = await rebuildReports(args.run, { xlsx: args.xlsx, junit: args.junit, html: args.html, pdf: args.pdf, paper: args.paper });
  for (const p of Object.values(result.paths)) process.stdout.write(`wrote ${p}\n`);
  if (result.errors.length) throw new UsageError(result.errors);
  return 0;
}
