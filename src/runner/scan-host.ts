import type { CheckOutcome, RemoteCheckResult } from '../record/check-result.js';
import type { ResolvedHost } from '../inventory/schema.js';
import { parseHostOutput } from './host-output.js';
import type { HostResult } from '../record/run-record.js';
import type { Transport, TransportResult } from './transports/transport.js';

export interface HostScanPlan {
  pack: string;
  /** Host-side checks to run, in catalogue order. */
  checkIds: string[];
  deadlineMs: number;
  checkBudgetMs: number;
  marker: string;
  bundle: { key: string; text: string };
  signal: AbortSignal;
  now?: () => Date;
}

/** The base64 JSON the remote entry point reads. Only data: it is never pasted into source text. */
export function buildPayload(host: ResolvedHost, plan: HostScanPlan, controllerUtc: Date): string {
  const payload = {
    host: host.name,
    pack: plan.pack,
    checks: plan.checkIds,
    cloud: host.cloud,
    vars: host.vars,
    controllerUtc: controllerUtc.toISOString(),
    checkBudgetMs: plan.checkBudgetMs,
    marker: plan.marker,
  };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64');
}

/**
 * Scans one host and returns its result, whatever the host does: every selected check ends with an
 * outcome, and nothing that did not run is ever `pass`. A host whose controller worker died under it
 * (a crash elsewhere, not this host's fault) is scanned once more from the start; checks only read, and
 * the lines the lost attempt reported are dropped with it.
 */
export async function scanHost(host: ResolvedHost, transport: Transport, plan: HostScanPlan): Promise<HostResult> {
  const now = plan.now ?? (() => new Date());
  const started = now();
  let result: TransportResult;
  let attempt = 0;
  for (;;) {
    const controllerUtc = now();
    result = await transport.scan({
      host,
      bundle: plan.bundle,
      payload: buildPayload(host, plan, controllerUtc),
      deadlineMs: Math.max(1000, plan.deadlineMs - (controllerUtc.getTime() - started.getTime())),
      signal: plan.signal,
    });
    if (result.ended === 'crashed' && result.retryable && attempt === 0 && !plan.signal.aborted) {
      attempt++;
      continue;
    }
    break;
  }
  const durationMs = now().getTime() - started.getTime();
  return interpret(host, plan, result, started, durationMs);
}

function interpret(host: ResolvedHost, plan: HostScanPlan, result: TransportResult, started: Date, durationMs: number): HostResult {
  const base = { ...hostIdentity(host), startedAt: started.toISOString(), durationMs };
  const parsed = parseHostOutput(result.output, { marker: plan.marker, host: host.name, checkIds: new Set(plan.checkIds) });
  const seconds = Math.round(plan.deadlineMs / 1000);

  if (result.ended === 'connect-failed') {
    return { ...base, status: 'unreachable', termination: { reason: 'connect-failed', detail: result.reason }, reason: result.reason, checks: notRun(plan.checkIds, [], 'host unreachable') };
  }
  if (parsed.problem) {
    // Output that lies or is malformed is not trusted at all, not even the parts that looked fine.
    return { ...base, status: 'error', termination: { reason: 'rejected-output', detail: parsed.problem }, reason: `remote output rejected: ${parsed.problem}`, checks: notRun(plan.checkIds, [], 'remote output rejected') };
  }
  const identity = parsed.report
    ? { computerName: parsed.report.computerName, psVersion: parsed.report.psVersion, ...(parsed.report.facts.staged === true ? { staged: true } : {}) }
    : {};
  const finished = parsed.report?.results ?? parsed.checks;
  switch (result.ended) {
    case 'deadline':
      return {
        ...base,
        ...identity,
        status: 'timeout',
        termination: { reason: 'deadline' },
        reason: `no result within ${seconds} s; stopped after ${finished.length} of ${plan.checkIds.length} checks`,
        checks: notRun(plan.checkIds, finished, `host passed its ${seconds} s deadline`),
      };
    case 'interrupted':
      return { ...base, ...identity, status: 'not-run', termination: { reason: 'interrupted' }, reason: 'run interrupted', checks: notRun(plan.checkIds, finished, 'run interrupted') };
    case 'crashed':
      return { ...base, ...identity, status: 'error', termination: { reason: 'remote-crash', detail: result.reason }, reason: result.reason, checks: notRun(plan.checkIds, finished, 'remote side crashed') };
    case 'completed':
      if (!parsed.report) {
        const hint = parsed.noise[0] ? `; it wrote: ${parsed.noise[0].slice(0, 160)}` : '';
        return { ...base, status: 'error', termination: { reason: 'remote-crash', detail: `host wrote no report${hint}` }, reason: `host wrote no report${hint}`, checks: notRun(plan.checkIds, finished, 'no report from the host') };
      }
      return { ...base, ...identity, status: 'ok', termination: { reason: 'completed' }, checks: complete(plan.checkIds, parsed.report.results) };
  }
}

/** The inventory facts every host result carries, whatever became of the scan. */
export function hostIdentity(host: ResolvedHost): Pick<HostResult, 'name' | 'address' | 'transport' | 'cloud' | 'tags' | 'vault'> {
  return {
    name: host.name,
    address: host.address,
    transport: host.transport,
    cloud: host.cloud,
    tags: host.tags,
    vault: typeof host.vars.vaultName === 'string' ? host.vars.vaultName : undefined,
  };
}

function toOutcome(r: RemoteCheckResult): CheckOutcome {
  const outcome: CheckOutcome = { id: r.id, status: r.status, summary: r.summary, evidence: r.evidence, ms: r.ms };
  if (r.reason !== undefined) outcome.reason = r.reason;
  return outcome;
}

/** Finished checks as reported; every other selected check is `not-run` with why. */
function notRun(ids: string[], finished: RemoteCheckResult[], why: string): CheckOutcome[] {
  const byId = new Map(finished.map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = byId.get(id);
    return r ? toOutcome(r) : { id, status: 'not-run', summary: why, evidence: [], reason: why };
  });
}

/** A complete report must answer every check it was asked for; a silent gap is an error, never a pass. */
function complete(ids: string[], results: RemoteCheckResult[]): CheckOutcome[] {
  const byId = new Map(results.map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = byId.get(id);
    return r ? toOutcome(r) : { id, status: 'error', summary: 'the host did not return this check', evidence: [], reason: 'missing from the report' };
  });
}
