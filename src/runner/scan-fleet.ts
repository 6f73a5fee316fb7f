import { setMaxListeners } from 'node:events';
import pLimit from 'p-limit';
import type { ResolvedHost } from '../inventory/schema.js';
import type { Journal } from './journal.js';
import type { HostResult } from '../record/run-record.js';
import { hostIdentity, scanHost, type HostScanPlan } from './scan-host.js';
import { OutcomePool } from './outcome-pool.js';
import { StringPool } from './string-pool.js';
import type { TransportSet } from './transport-set.js';

export interface FleetScanOptions {
  hosts: ResolvedHost[];
  transports: TransportSet;
  plan: Omit<HostScanPlan, 'signal'>;
  concurrency: number;
  /** Aborted on Ctrl-C: no new host starts, running ones end, the rest are `not-run`. */
  signal: AbortSignal;
  /** Hosts already finished by an earlier, interrupted run of the same id (`--resume`). */
  finished?: Map<string, HostResult>;
  journal?: Journal;
  onHostDone?: (result: HostResult) => void;
}

/**
 * Fans out over the fleet with p-limit: up to `concurrency` hosts at once, and a slot is freed the moment
 * its host ends, so one slow host never holds back the rest. Results come back in inventory order.
 */
export async function scanFleet(options: FleetScanOptions): Promise<HostResult[]> {
  const limit = pLimit(options.concurrency);
  const { signal } = options;
  // Every running host listens for the interrupt; that many listeners is expected, not a leak.
  setMaxListeners(options.concurrency * 2 + 10, signal);
  // Every result is held until the run ends: equal strings and equal outcomes across hosts are held once.
  const strings = new StringPool();
  const outcomes = new OutcomePool();
  const share = (result: HostResult): HostResult => {
    strings.share(result);
    for (let i = 0; i < result.checks.length; i++) result.checks[i] = outcomes.share(result.checks[i]!);
    return result;
  };
  const jobs = options.hosts.map((host) => {
    const earlier = options.finished?.get(host.name);
    if (earlier) return Promise.resolve(share(earlier));
    return limit(async () => {
      const result = signal.aborted
        ? notStarted(host, options.plan.checkIds)
        : await scanHost(host, options.transports.get(host.transport), { ...options.plan, signal });
      options.journal?.append(result);
      options.onHostDone?.(result);
      return share(result);
    });
  });
  // Queued hosts are not dropped on abort (their promises would never settle): each one, when its turn
  // comes, sees the signal and ends at once as `not-run`.
  const settled = await Promise.allSettled(jobs);
  return settled.map((s, i) => (s.status === 'fulfilled' ? s.value : notStarted(options.hosts[i]!, options.plan.checkIds)));
}

/** A host the run never started (interrupted first): every check `not-run`, never `pass`. */
export function notStarted(host: ResolvedHost, checkIds: string[]): HostResult {
  return {
    ...hostIdentity(host),
    status: 'not-run',
    termination: { reason: 'interrupted', detail: 'run interrupted before this host started' },
    reason: 'run interrupted before this host started',
    checks: checkIds.map((id) => ({ id, status: 'not-run', summary: 'run interrupted', evidence: [], reason: 'run interrupted' })),
  };
}
