// The numbers every report starts from, computed once from a run record.
import { CHECK_STATUSES, HOST_STATUSES, type CheckStatus, type HostStatus } from '../record/check-result.js';
import type { CheckMetadata } from '../record/check-metadata.js';
import type { HostResult, RunRecord } from '../record/run-record.js';

/** Per check: how many hosts ended in each status. */
export interface CheckTally {
  id: string;
  title: string;
  counts: Record<CheckStatus, number>;
}

export interface RunSummary {
  hostCounts: Record<HostStatus, number>;
  checkCounts: Record<CheckStatus, number>;
  /** Sorted by impact: failing hosts desc, then warned desc, then catalogue order. */
  checks: CheckTally[];
  /** Hosts with at least one `fail`. */
  failingHosts: number;
  /** Hosts whose scan did not complete (status other than `ok`). */
  unscannedHosts: number;
  verdict: string;
}

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** A host's outcomes by check id (a selected check with no outcome never ran). */
export function outcomeIndex(host: HostResult): Map<string, HostResult['checks'][number]> {
  return new Map(host.checks.map((c) => [c.id, c]));
}

export function summarizeRun(record: RunRecord): RunSummary {
  const hostCounts = zeroes(HOST_STATUSES);
  const checkCounts = zeroes(CHECK_STATUSES);
  const tallies = new Map<string, CheckTally>(
    record.checks.map((c) => [c.id, { id: c.id, title: c.title, counts: zeroes(CHECK_STATUSES) }]),
  );
  let failingHosts = 0;
  let unscannedHosts = 0;

  for (const host of record.hosts) {
    hostCounts[host.status]++;
    if (host.status !== 'ok') unscannedHosts++;
    let failed = false;
    const seen = new Set<string>();
    for (const outcome of host.checks) {
      seen.add(outcome.id);
      checkCounts[outcome.status]++;
      if (outcome.status === 'fail') failed = true;
      let tally = tallies.get(outcome.id);
      if (!tally) {
        // An outcome for a check missing from the catalogue still counts; show its id as title.
        tally = { id: outcome.id, title: outcome.id, counts: zeroes(CHECK_STATUSES) };
        tallies.set(outcome.id, tally);
      }
      tally.counts[outcome.status]++;
    }
    for (const check of record.checks) {
      if (seen.has(check.id)) continue;
      checkCounts['not-run']++;
      tallies.get(check.id)!.counts['not-run']++;
    }
    if (failed) failingHosts++;
  }

  const order = new Map([...tallies.keys()].map((id, i) => [id, i]));
  const checks = [...tallies.values()].sort(
    (a, b) => b.counts.fail - a.counts.fail || b.counts.warn - a.counts.warn || order.get(a.id)! - order.get(b.id)!,
  );
  const summary = { hostCounts, checkCounts, checks, failingHosts, unscannedHosts, verdict: '' };
  summary.verdict = verdictLine(record, summary);
  return summary;
}

function packLabel(record: RunRecord): string {
  return record.pack.name.length <= 5 ? record.pack.name.toUpperCase() : record.pack.name;
}

/** `registration`, `installation` or `installation or registration`, from the phases of the failing checks. */
function phaseLabel(checks: CheckMetadata[], failingIds: string[]): string {
  const phases = new Set(checks.filter((c) => failingIds.includes(c.id)).map((c) => c.phase));
  if (phases.size === 1 && phases.has('registration')) return 'registration';
  if (phases.size === 1 && phases.has('install')) return 'installation';
  return 'installation or registration';
}

/**
 * One sentence a manager can quote, e.g.
 * "37 of 412 servers will fail MARS registration; top cause: System clock correct for its time zone (19); 12 could not be scanned."
 */
export function verdictLine(record: RunRecord, summary: Omit<RunSummary, 'verdict'>): string {
  const total = record.hosts.length;
  const failingIds = summary.checks.filter((c) => c.counts.fail > 0).map((c) => c.id);
  const parts: string[] = [];
  if (summary.failingHosts > 0) {
    const top = summary.checks[0]!;
    parts.push(
      `${summary.failingHosts} of ${total} ${total === 1 ? 'server' : 'servers'} will fail ${packLabel(record)} ${phaseLabel(record.checks, failingIds)}`,
      `top cause: ${top.title} (${top.counts.fail})`,
    );
  } else {
    const scanned = total - summary.unscannedHosts;
    parts.push(`No failures: ${scanned} of ${total} ${total === 1 ? 'server' : 'servers'} scanned, none will fail ${packLabel(record)} installation or registration`);
  }
  if (summary.unscannedHosts > 0) parts.push(`${summary.unscannedHosts} could not be scanned`);
  return parts.join('; ') + '.';
}
