// The numbers every report starts from, computed once from a run record.
import { CHECK_STATUSES, HOST_STATUSES, type CheckStatus, type HostStatus } from '../record/check-result.js';
import type { HostResult, RunRecord } from '../record/run-record.js';
import { failurePhrase, verdictSentence } from './problem-sentence.js';

/** Per check: how many hosts ended in each status. */
export interface CheckTally {
  id: string;
  title: string;
  /** What the problem is called in every summary (the check's failure phrase). */
  failure: string;
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
    record.checks.map((c) => [c.id, { id: c.id, title: c.title, failure: failurePhrase(c, c.id), counts: zeroes(CHECK_STATUSES) }]),
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
        tally = { id: outcome.id, title: outcome.id, failure: failurePhrase(undefined, outcome.id), counts: zeroes(CHECK_STATUSES) };
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
  summary.verdict = verdictSentence(record, summary);
  return summary;
}
