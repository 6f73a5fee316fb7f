import type { CheckOutcome } from '../record/check-result.js';
import type { Change, HostResult, RunChanges, RunRecord } from '../record/run-record.js';
import { UNSEEN_HOST_STATUSES } from '../policy/exit-code.js';

type Kind = Change['kind'];

// The order a reader wants: what broke, what went dark, what got fixed, then the rest.
const KIND_ORDER: readonly Kind[] = [
  'new-failure', 'newly-unreachable', 'fixed', 'reachable-again', 'host-added', 'host-removed',
  'status-changed', 'evidence-changed',
];
const FIXED_STATUSES: ReadonlySet<string> = new Set(['pass', 'warn', 'skipped']);

/**
 * What changed between two runs of the same inventory and pack. Hosts match by name (case-insensitive,
 * as Windows names are); only checks selected in both runs are compared. A check that did not run in
 * one of the runs tells nothing, so it is never a fix and never a status change; a failure after it
 * is still a new failure, because nobody has been told about it yet.
 */
export function diffRuns(previous: RunRecord, current: RunRecord): RunChanges {
  const changes: Change[] = [];
  const before = new Map(previous.hosts.map((h) => [h.name.toLowerCase(), h]));
  const after = new Map(current.hosts.map((h) => [h.name.toLowerCase(), h]));
  const compared = intersect(selectedChecks(previous), selectedChecks(current));

  for (const [key, host] of after) {
    const old = before.get(key);
    if (old === undefined) changes.push(...addedHost(host));
    else changes.push(...hostChanges(old, host), ...checkChanges(old, host, compared));
  }
  for (const [key, host] of before) {
    if (!after.has(key)) {
      changes.push({ kind: 'host-removed', host: host.name, before: host.status, detail: `${host.name}: removed (was ${host.status})` });
    }
  }

  changes.sort((a, b) =>
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)
    || a.host.localeCompare(b.host)
    || (a.check ?? '').localeCompare(b.check ?? ''));
  return { previousRunId: previous.runId, previousStartedAt: previous.startedAt, changes };
}

// The checks a run was asked for; a record without metadata falls back to what its hosts report.
function selectedChecks(record: RunRecord): Set<string> {
  if (record.checks.length > 0) return new Set(record.checks.map((c) => c.id));
  return new Set(record.hosts.flatMap((h) => h.checks.map((c) => c.id)));
}

function intersect(a: Set<string>, b: Set<string>): Set<string> {
  return new Set([...a].filter((id) => b.has(id)));
}

function addedHost(host: HostResult): Change[] {
  const why = UNSEEN_HOST_STATUSES.has(host.status) && host.reason ? `${host.status}: ${host.reason}` : host.status;
  const added: Change = { kind: 'host-added', host: host.name, after: host.status, detail: `${host.name}: added (${why})` };
  // A new host's failures are news to everyone.
  const failures = host.checks
    .filter((c) => c.status === 'fail')
    .map((c): Change => ({
      kind: 'new-failure',
      host: host.name,
      check: c.id,
      after: 'fail',
      detail: `${host.name}: ${c.id} fail on a new host${note(c)}`,
    }));
  return [added, ...failures];
}

function hostChanges(old: HostResult, host: HostResult): Change[] {
  if (old.status === host.status) return [];
  const wasUnseen = UNSEEN_HOST_STATUSES.has(old.status);
  const isUnseen = UNSEEN_HOST_STATUSES.has(host.status);
  const base = { host: host.name, before: old.status, after: host.status };
  const line = `${host.name}: ${old.status} -> ${host.status}`;
  if (isUnseen && !wasUnseen) return [{ kind: 'newly-unreachable', ...base, detail: `${line}${host.reason ? ` (${host.reason})` : ''}` }];
  if (wasUnseen && host.status === 'ok') return [{ kind: 'reachable-again', ...base, detail: line }];
  // unreachable -> timeout and the like; transitions to or from not-run say nothing about the host.
  if (wasUnseen && isUnseen) return [{ kind: 'status-changed', ...base, detail: `${line}${host.reason ? ` (${host.reason})` : ''}` }];
  return [];
}

function checkChanges(old: HostResult, host: HostResult, compared: Set<string>): Change[] {
  const changes: Change[] = [];
  const oldChecks = new Map(old.checks.map((c) => [c.id, c]));
  const ids = new Set([...host.checks.map((c) => c.id), ...oldChecks.keys()]);
  for (const id of ids) {
    if (!compared.has(id)) continue;
    const was = oldChecks.get(id);
    const now = host.checks.find((c) => c.id === id);
    const change = checkChange(host.name, id, was, now);
    if (change) changes.push(change);
  }
  return changes;
}

function checkChange(host: string, id: string, was: CheckOutcome | undefined, now: CheckOutcome | undefined): Change | undefined {
  const before = was?.status ?? 'not-run';
  const after = now?.status ?? 'not-run';
  const base = { host, check: id, before, after };
  const line = `${host}: ${id} ${label(was)} -> ${label(now)}${note(now)}`;
  if (before === after) {
    if (after === 'pass' || after === 'not-run' || sameEvidence(was, now)) return undefined;
    return { kind: 'evidence-changed', ...base, detail: `${host}: ${id} ${label(now)}, evidence changed${note(now)}` };
  }
  if (after === 'fail') return { kind: 'new-failure', ...base, detail: line };
  if (before === 'not-run' || after === 'not-run') return undefined;
  if (before === 'fail' && FIXED_STATUSES.has(after)) return { kind: 'fixed', ...base, detail: line };
  return { kind: 'status-changed', ...base, detail: line };
}

function label(outcome: CheckOutcome | undefined): string {
  if (outcome === undefined) return 'not-run';
  return outcome.status === 'waived' && outcome.waivedStatus ? `waived ${outcome.waivedStatus}` : outcome.status;
}

function note(outcome: CheckOutcome | undefined): string {
  const text = outcome?.summary || outcome?.reason;
  return text ? ` (${text})` : '';
}

function sameEvidence(a: CheckOutcome | undefined, b: CheckOutcome | undefined): boolean {
  const x = a?.evidence ?? [];
  const y = b?.evidence ?? [];
  return x.length === y.length && x.every((line, i) => line === y[i]);
}
