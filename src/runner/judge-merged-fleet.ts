import type { Pack } from '../checks/catalog.js';
import type { ResolvedHost } from '../inventory/schema.js';
import type { RunRecord } from '../record/run-record.js';
import { packBundles } from './pack-bundles.js';
import { judgeFleet } from './run-scan.js';
import { TransportSet } from './transport-set.js';

export interface JudgeMergedFleetOptions {
  pack: Pack;
  /** The hosts the merged run covers, with the vars the fleet checks read. */
  fleet: ResolvedHost[];
  signal: AbortSignal;
  env?: NodeJS.ProcessEnv;
}

/**
 * The fleet-side checks of a merged run (duplicate names in one vault, vault capacity) over the whole
 * fleet, in the controller's own pwsh worker, exactly as one controller scanning every host would run
 * them after its last host: two machines of one name on different shards are found here or nowhere.
 */
export async function judgeMergedFleet(record: RunRecord, options: JudgeMergedFleetOptions): Promise<RunRecord> {
  const checkIds = record.checks.filter((c) => c.kind === 'fleet').map((c) => c.id);
  if (checkIds.length === 0) return record;
  const hosts = record.hosts.map((h) => ({ ...h, checks: [...h.checks] }));
  const transports = new TransportSet(options.env);
  try {
    await judgeFleet({
      worker: transports.pwsh(),
      bundle: packBundles(options.pack.name)(false, checkIds),
      pack: options.pack,
      checkIds,
      hosts: options.fleet,
      results: hosts,
      signal: options.signal,
      deadlineMs: record.parameters.deadlineMs,
    });
  } finally {
    await transports.close();
  }
  return { ...record, hosts };
}
