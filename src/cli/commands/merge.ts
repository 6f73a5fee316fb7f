import path from 'node:path';
import type { Argv } from 'yargs';
import { fleetDigest } from '../../inventory/shard.js';
import { exitCodeFor } from '../../policy/exit-code.js';
import { applyWaivers } from '../../policy/waivers.js';
import { mergeBasis } from '../../record/merge-basis.js';
import type { RunRecord } from '../../record/run-record.js';
import { incompleteLine } from '../../record/shard.js';
import { readRunJson } from '../../report/json.js';
import { writeReports } from '../../report/write-reports.js';
import { judgeMergedFleet } from '../../runner/judge-merged-fleet.js';
import { mergeShards } from '../../runner/merge-shards.js';
import { loadInventoryOrUsage } from '../load-inventory.js';
import { loadPackOrUsage } from '../load-pack.js';
import { runOutputOptions } from '../run-output-options.js';
import { listenForInterrupt } from '../scan/interrupt.js';
import { outputFlags, type OutputArgs } from '../scan/output-flags.js';
import { printSummary } from '../scan/print-summary.js';
import { readWaivers } from '../scan/read-waivers.js';
import { recordInHistory } from '../scan/record-in-history.js';
import { openScanHistory } from '../scan/scan-history.js';
import { UsageError } from '../usage-error.js';

export interface MergeArgs extends OutputArgs {
  runs: string[];
  inventory?: string;
  defaults?: string;
  outDir: string;
  history?: string | boolean;
  waivers?: string;
  failOn: 'any' | 'new';
}

export function mergeOptions(y: Argv): Argv<MergeArgs> {
  return runOutputOptions(
    y
      .positional('runs', { type: 'string', array: true, demandOption: true, describe: 'the run records (.json) of the shards' })
      .option('inventory', { alias: 'i', type: 'string', describe: 'the inventory the shards split (default: the path their records name)' })
      .option('defaults', { type: 'string', describe: 'defaults for a .csv or .txt inventory, as the shards were given' })
      .option('out-dir', { alias: 'o', type: 'string', default: 'fleet-scan-reports', describe: 'folder for the reports' })
  ) as unknown as Argv<MergeArgs>;
}

/**
 * `fleet-scan merge RUN.json...`: the shards' records as one run, as if one controller had scanned the
 * whole fleet: hosts from the shard that scanned them, fleet checks and waivers over the whole fleet,
 * compared with the history, every report. A shard missing or cut short is named on the first line,
 * its hosts are `not-run`, and the exit code has bit 4. Records that are not shards of one run are refused.
 */
export async function mergeCommand(args: MergeArgs): Promise<number> {
  const outDir = path.resolve(args.outDir);
  const read = await readShardRecords(args.runs);
  const based = mergeBasis(read);
  if (!based.ok) throw new UsageError(based.message);
  const { basis, shards } = based;
  const pack = loadPackOrUsage(basis.pack.name, 'merge');
  if (pack.version !== basis.pack.version) {
    throw new UsageError(`merge: the shards ran pack ${basis.pack.name} ${basis.pack.version}, this fleet-scan has ${pack.version}: merge with the version that scanned`);
  }
  const output = outputFlags(args, outDir);
  // The records keep each host's results, not its vars: the fleet checks read them from the inventory the shards split.
  const inventory = await loadInventoryOrUsage(args.inventory ?? basis.inventory.path, pack, args.defaults);
  if (fleetDigest(inventory.hosts) !== basis.fleetDigest) {
    throw new UsageError(`${inventory.path}: is not the inventory the shards split (its hosts, sites, clouds, tags or vars changed since)`);
  }
  const merged = mergeShards({ basis, shards, inventoryHosts: inventory.hosts, inventoryPath: inventory.path });
  if (!merged.ok) throw new UsageError(merged.message);
  const waivers = readWaivers(args.waivers);
  const history = openScanHistory(args.history);
  const interrupt = listenForInterrupt();
  try {
    let record: RunRecord = await judgeMergedFleet(merged.record, { pack, fleet: merged.fleet, signal: interrupt.signal });
    record = { ...record, parameters: { ...record.parameters, failOn: args.failOn }, interrupted: interrupt.signal.aborted };
    record = applyWaivers(record, waivers, new Date());
    const recorded = recordInHistory(history, record);
    record = recorded.record;
    const code = exitCodeFor(record, { failOn: args.failOn });
    const written = await writeReports(record, output.reports);
    // A log reader sees it first (`kubectl logs | head -1`), before any number that would mislead without it.
    const incomplete = incompleteLine(record.merged);
    if (incomplete) process.stdout.write(`${incomplete}\n`);
    printSummary(record, { ...written, errors: [...(recorded.problem ? [recorded.problem] : []), ...written.errors] }, code, output.summary);
    return code;
  } finally {
    interrupt.dispose();
    history?.close();
  }
}

/** Every record given, read and checked; one line per file that is not a readable run record. */
async function readShardRecords(files: readonly string[]): Promise<Array<{ file: string; record: RunRecord }>> {
  const out: Array<{ file: string; record: RunRecord }> = [];
  const problems: string[] = [];
  if (files.some((file) => file.trim() === '')) throw new UsageError('merge: give the run records (.json) of the shards; one of the paths is empty');
  for (const file of files) {
    const read = await readRunJson(file);
    if (read.ok) out.push({ file, record: read.record });
    else problems.push(read.message);
  }
  if (problems.length > 0) throw new UsageError(problems);
  return out;
}
