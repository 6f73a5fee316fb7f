import type { RunRecord } from '../record/run-record.js';

export type FailOn = 'any' | 'new';

export const EXIT_CLEAN = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_HOST_UNSEEN = 4;
export const EXIT_INTERRUPTED = 130;

/** Host statuses that mean the scan could not see the host: they set exit bit 4. */
export const UNSEEN_HOST_STATUSES: ReadonlySet<string> = new Set(['unreachable', 'timeout', 'error']);

/**
 * The process exit code for a finished run: bit 1 when a check failed, bit 4 when a host could not be
 * scanned (unreachable, timed out, errored) or a check broke (`error`), 130 when interrupted.
 * Waived findings count for nothing. With `failOn: 'new'` only what `record.changes` calls new counts;
 * with no previous run (`changes` null) everything is new. Apply waivers and diff before calling this.
 */
export function exitCodeFor(record: RunRecord, { failOn }: { failOn: FailOn }): number {
  if (record.interrupted) return EXIT_INTERRUPTED;
  const changes = failOn === 'new' ? record.changes?.changes : undefined;
  let code = EXIT_CLEAN;

  if (changes === undefined) {
    const outcomes = record.hosts.flatMap((h) => h.checks);
    if (outcomes.some((c) => c.status === 'fail')) code |= EXIT_CHECK_FAILED;
    if (record.hosts.some((h) => UNSEEN_HOST_STATUSES.has(h.status)) || outcomes.some((c) => c.status === 'error')) {
      code |= EXIT_HOST_UNSEEN;
    }
    return code;
  }

  // Still true now: a change names a finding, the record says whether it is still (unwaived) there.
  const statusNow = (host: string, check: string | undefined) =>
    record.hosts.find((h) => h.name === host)?.checks.find((c) => c.id === check)?.status;
  const hostNow = (host: string) => record.hosts.find((h) => h.name === host)?.status ?? 'not-run';

  for (const change of changes) {
    if (change.kind === 'new-failure' && statusNow(change.host, change.check) === 'fail') code |= EXIT_CHECK_FAILED;
    if (change.kind === 'newly-unreachable' && UNSEEN_HOST_STATUSES.has(hostNow(change.host))) code |= EXIT_HOST_UNSEEN;
    if (change.kind === 'host-added' && UNSEEN_HOST_STATUSES.has(hostNow(change.host))) code |= EXIT_HOST_UNSEEN;
    if (change.kind === 'status-changed' && change.check !== undefined && statusNow(change.host, change.check) === 'error') {
      code |= EXIT_HOST_UNSEEN;
    }
  }
  return code;
}
