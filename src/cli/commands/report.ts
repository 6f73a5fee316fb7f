import { rebuildReports } from '../../report/write-reports.js';
import { UsageError } from '../usage-error.js';

/**
 * `fleet-scan report RUN.json --xlsx FILE [--junit FILE]`: any report again, from the run record, no rescan.
 * A record it cannot read or a file it cannot write is bad input (exit 2), one line each; what it could write stays written.
 */
export async function reportCommand(args: { run: string; xlsx?: string; junit?: string }): Promise<number> {
  if (!args.xlsx && !args.junit) throw new UsageError('report: say what to write: --xlsx FILE and/or --junit FILE');
  const result = await rebuildReports(args.run, { xlsx: args.xlsx, junit: args.junit });
  for (const p of Object.values(result.paths)) process.stdout.write(`wrote ${p}\n`);
  if (result.errors.length) throw new UsageError(result.errors);
  return 0;
}
