import type { Pack } from '../../checks/catalog.js';
import type { Inventory, ResolvedHost } from '../../inventory/schema.js';
import { journalPathFor } from '../../runner/journal.js';
import { newRunId } from '../../runner/run-id.js';
import type { RunScanOptions } from '../../runner/run-scan.js';
import type { RunSettings } from './run-settings.js';
import type { ScanSource } from './scan-source.js';

/** Everything the scan stage needs except what only exists while it runs (the interrupt signal, progress, secrets). */
export type ScanPlan = Omit<RunScanOptions, 'signal' | 'onHostDone' | 'secrets' | 'env'>;

/**
 * The run to make: a new run id and journal beside the reports, or the resumed run's own, with the hosts
 * it already finished and its start time.
 */
export function planScan(input: {
  source: ScanSource;
  pack: Pack;
  inventory: Inventory;
  hosts: ResolvedHost[];
  settings: RunSettings;
  outDir: string;
  /** --run-id: the id shards of one run share; a resumed run keeps its own. */
  runId?: string;
  /** A journal other than the default beside the reports (a shard's own). */
  journalFile?: string;
  now?: Date;
}): ScanPlan {
  const { source, pack, inventory, hosts, settings, outDir } = input;
  const journal = source.resumed?.journal;
  const runId = journal?.header.runId ?? input.runId ?? newRunId(input.now);
  return {
    runId,
    inventory,
    hosts,
    pack,
    checkIds: settings.checkIds,
    tags: settings.tags,
    concurrency: settings.concurrency,
    deadlineMs: settings.deadlineMs,
    // The run record keeps one figure: the override, else the longest a host may take to connect.
    connectTimeoutMs: settings.connectTimeoutMs ?? Math.max(...hosts.map((h) => h.connectTimeoutMs)),
    failOn: settings.failOn,
    journalFile: source.resumed?.file ?? input.journalFile ?? journalPathFor(outDir, runId),
    ...(journal && { finished: journal.finished, startedAt: new Date(journal.header.startedAt) }),
  };
}
