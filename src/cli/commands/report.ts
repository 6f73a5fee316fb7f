import { rebuildReports } from '../../report/write-reports.js';
import { UsageError } from '../usage-error.js';

/** `fleet-scan report RUN.json --xlsx FILE [--junit FILE]`: any report again, from the run record, no rescan. */
export async function reportCommand(args: { run: string; xlsx?: string; junit?: string }): Promise<number> {
  if (!args.xlsx && !args.junit) throw new UsageError('report: say what to write: --xlsx FILE and/or --junit FILE');
  const result = await rebuildReports(args.run, { xlsx: args.xlsx, junit: args.junit });
  if (Object.keys(result.paths).length === 0 && result.errors.length) throw new UsageError(result.errors);
  for (const e of result.errors) process.stderr.write(`error: ${e}\n`);
  for (const p of Object.values(result.paths)) process.stdout.write(`wrote ${p}\n`);
  return result.errors.length ? 1 : 0;
}
