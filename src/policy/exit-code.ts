import type { RunRecord } from '../record/run-record.js';
import { incompleteLine } from '../record/shard.js';

export type FailOn = 'any' | 'new';

/**
 * Every exit code fleet-scan ends with, in the order the README lists them: `label` for `--help`,
 * `meaning` for the console summary. Bits 1 and 4 add up (5); the others stand alone.
 */
export const EXIT_CODES = {
  clean: { code: 0, label: 'clean', meaning: 'clean: every check passed, warned, was skipped or waived' },
  checkFailed: { code: 1, label: 'a check failed', meaning: 'a check failed' },
  hostUnseen: {
    code: 4,
    label: 'a host was unreachable/timed out/errored or a check broke',
    meaning: 'a host was unreachable, timed out or errored, or a check could not run',
  },
  both: {
    code: 5,
    label: 'both',
    meaning: 'a check failed, and a host was unreachable, timed out or errored (or a check could not run)',
  },
  usage: { code: 2, label: 'bad usage or input', meaning: 'bad usage or bad input (inventory, waivers, flags, output path), or the history is locked by another run' },
  internal: { code: 3, label: 'internal error', meaning: 'fleet-scan itself failed (a bug: please report the one-line message)' },
  interrupted: { code: 130, label: 'interrupted', meaning: 'interrupted: the reports hold every host finished so far' },
} as const;

/** What an exit code means, for the last line of the console summary. */
export function exitMeaning(code: number): string {
  return Object.values(EXIT_CODES).find((entry) => entry.code === code)?.meaning ?? 'unknown exit code';
}

/** `0 clean, 1 a check failed, ...`: the whole table in one sentence, for `--help`. */
export function exitCodesLine(): string {
  return Object.values(EXIT_CODES).map((entry) => `${entry.code} ${entry.label}`).join(', ');
}

const { clean, checkFailed, hostUnseen, interrupted } = EXIT_CODES;

/** Host statuses that mean the scan could not see the host: they set exit bit 4. */
export const UNSEEN_HOST_STATUSES: ReadonlySet<string> = new Set(['unreachable', 'timeout', 'error']);

/**
 * The process exit code for a finished run: bit 1 when a check failed, bit 4 when a host could not be
 * scanned (unreachable, timed out, errored) or a check broke (`error`), 130 when interrupted.
 * Waived findings count for nothing. With `failOn: 'new'` only what `record.changes` calls new counts;
 * with no previous run (`changes` null) everything is new. Apply waivers and diff before calling this.
 * A merged run with a shard missing or cut short sets bit 4 whatever the fail-on: its hosts were not scanned.
 */
export function exitCodeFor(record: RunRecord, { failOn }: { failOn: FailOn }): number {
  if (record.interrupted) return interrupted.code;
  const changes = failOn === 'new' ? record.changes?.changes : undefined;
  let code: number = incompleteLine(record.merged) ? hostUnseen.code : clean.code;

  if (changes === undefined) {
    const outcomes = record.hosts.flatMap((h) => h.checks);
    if (outcomes.some((c) => c.status === 'fail')) code |= checkFailed.code;
    if (record.hosts.some((h) => UNSEEN_HOST_STATUSES.has(h.status)) || outcomes.some((c) => c.status === 'error')) {
      code |= hostUnseen.code;
    }
    return code;
  }

  // Still true now: a change names a finding, the record says whether it is still (unwaived) there.
  const statusNow = (host: string, check: string | undefined) =>
    record.hosts.find((h) => h.name === host)?.checks.find((c) => c.id === check)?.status;
  const hostNow = (host: string) => record.hosts.find((h) => h.name === host)?.status ?? 'not-run';

  for (const change of changes) {
    if (change.kind === 'new-failure' && statusNow(change.host, change.check) === 'fail') code |= checkFailed.code;
    if (change.kind === 'newly-unreachable' && UNSEEN_HOST_STATUSES.has(hostNow(change.host))) code |= hostUnseen.code;
    if (change.kind === 'host-added' && UNSEEN_HOST_STATUSES.has(hostNow(change.host))) code |= hostUnseen.code;
    if (change.kind === 'status-changed' && change.check !== undefined && statusNow(change.host, change.check) === 'error') {
      code |= hostUnseen.code;
    }
  }
  return code;
}
