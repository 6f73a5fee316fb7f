import { planHost, type HostPlan } from '../checks/plan.js';
import type { Pack } from '../checks/catalog.js';
import type { CheckOutcome, RemoteCheckResult } from '../record/check-result.js';
import type { ResolvedHost } from '../inventory/schema.js';
import type { HostResult } from '../record/run-record.js';
import { HOST_STATUS_FOR, type Termination } from '../record/termination.js';
import { oneLine } from '../record/one-line.js';
import { newMarker } from './frames.js';
import { HostOutputReader, type ParsedHostOutput } from './host-output.js';
import { Stop } from './stop/stop.js';
import type { BundleFor } from './pack-bundles.js';
import { FORCE_AFTER_MS, type Transport } from './transports/transport.js';

export interface HostScanPlan {
  pack: Pack;
  /** Selected host-side checks, in catalogue order. */
  checkIds: string[];
  deadlineMs: number;
  checkBudgetMs: number;
  /** The bundle of the checks a host runs; the staged probe library's for a lab host. */
  bundleFor: BundleFor;
  signal: AbortSignal;
  now?: () => Date;
}

/**
 * The base64 JSON the remote entry point reads. Only data: it is never pasted into source text.
 * `controllerUtc` is when the scan of the host started, `controllerSentUtc` when the payload left.
 */
export function buildPayload(host: ResolvedHost, plan: HostScanPlan, run: HostPlan, marker: string, controllerUtc: Date, sentAt = controllerUtc): string {
  const payload = {
    host: host.name,
    pack: plan.pack.name,
    marker,
    cloud: host.cloud,
    vars: host.vars,
    controllerUtc: controllerUtc.toISOString(),
    controllerSentUtc: sentAt.toISOString(),
    checkBudgetMs: plan.checkBudgetMs,
    checks: run.run,
  };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64');
}

interface Attempt {
  termination: Termination;
  output: ParsedHostOutput;
}

/**
 * How often a host is tried when the shared pwsh worker dies under it. pwsh's SSH remoting can abort the
 * whole process ("Unhandled exception. System.IO.IOException: Broken pipe") when another host's ssh ends
 * while pwsh writes to it, so on a fleet with failing hosts one crash can follow another.
 */
const WORKER_ATTEMPTS = 5;

/**
 * Scans one host and returns its result, whatever the host does: every selected check ends with an
 * outcome, and nothing that did not run is ever `pass`. A host whose controller worker died under it
 * (a crash elsewhere, not this host's fault) is scanned again from the start, up to WORKER_ATTEMPTS in all
 * while its deadline lasts; checks only read, and what a lost attempt reported is dropped with it.
 */
export async function scanHost(host: ResolvedHost, transport: Transport, plan: HostScanPlan): Promise<HostResult> {
  const now = plan.now ?? (() => new Date());
  const started = now();
  const run = planHost(plan.pack, plan.checkIds, host);
  let attempt: Attempt;
  const left = (): number => plan.deadlineMs - (now().getTime() - started.getTime());
  for (let tries = 1; ; tries++) {
    attempt = await scanOnce(host, transport, plan, run, Math.max(1000, left()), now());
    if (attempt.termination.reason !== 'worker-died' || tries >= WORKER_ATTEMPTS || left() < 1000 || plan.signal.aborted) break;
  }
  const durationMs = now().getTime() - started.getTime();
  return hostResult(host, plan, run, attempt, started, durationMs);
}

async function scanOnce(host: ResolvedHost, transport: Transport, plan: HostScanPlan, run: HostPlan, deadlineMs: number, controllerUtc: Date): Promise<Attempt> {
  const seconds = Math.round(plan.deadlineMs / 1000);
  const stop = new Stop({ deadlineMs, signal: plan.signal, forceAfterMs: FORCE_AFTER_MS, deadlineDetail: `no result within ${seconds} s` });
  const marker = newMarker();
  const reader = new HostOutputReader({ marker, host: host.name, checkIds: new Set(run.run.filter((r) => r.report).map((r) => r.id)) });
  if (run.run.length > 0) {
    await transport.scan({
      host,
      bundle: plan.bundleFor(host.lab, run.run.map((r) => r.id)),
      payload: (sentAt) => buildPayload(host, plan, run, marker, controllerUtc, sentAt),
      stop,
      reached: () => reader.reached,
      onOutput: (items) => {
        reader.add(items);
        // A host that lies is stopped at once: nothing more it says can be trusted.
        const problem = reader.result().problem;
        if (problem) stop.end('rejected-output', problem);
      },
    });
    const output = reader.result();
    if (!output.report) {
      // The host's own words, on one line: a carriage return in them must not break the reason.
      const hint = output.noise[0] ? `; it wrote: ${oneLine(output.noise[0], 160)}` : '';
      stop.end('remote-crash', `host wrote no report${hint}`);
    }
  }
  return { termination: stop.settle(), output: reader.result() };
}

/** Why the host is not `ok`, in one line, from how its scan ended and what it finished. */
function reasonFor(termination: Termination, finished: number, planned: number, seconds: number): string | undefined {
  switch (termination.reason) {
    case 'completed':
      return undefined;
    case 'deadline':
      return `no result within ${seconds} s; stopped after ${finished} of ${planned} checks`;
    case 'interrupted':
      return 'run interrupted';
    case 'rejected-output':
      return `remote output rejected: ${termination.detail ?? 'malformed'}`;
    default:
      return termination.detail ?? termination.reason;
  }
}

/** Why a check the host did not finish has no result, by how the scan ended. */
const NOT_RUN_BECAUSE = (seconds: number): Readonly<Record<Termination['reason'], string>> => ({
  completed: 'missing from the report',
  deadline: `host passed its ${seconds} s deadline`,
  interrupted: 'run interrupted',
  'connect-failed': 'host unreachable',
  'worker-died': 'controller worker died',
  'output-cap': 'host output exceeded the cap',
  'remote-crash': 'remote side crashed',
  'rejected-output': 'remote output rejected',
});

function hostResult(host: ResolvedHost, plan: HostScanPlan, run: HostPlan, attempt: Attempt, started: Date, durationMs: number): HostResult {
  const { termination, output } = attempt;
  const status = HOST_STATUS_FOR[termination.reason];
  const trusted = termination.reason !== 'rejected-output';
  const report = trusted ? output.report : undefined;
  const finished = trusted ? (report?.results ?? output.checks) : [];
  const seconds = Math.round(plan.deadlineMs / 1000);
  const planned = run.run.filter((r) => r.report).length;
  const reason = reasonFor(termination, finished.length, planned, seconds);
  const identity = report
    ? { computerName: report.computerName, psVersion: report.psVersion, ...(report.facts.staged === true ? { staged: true } : {}) }
    : {};
  return {
    ...hostIdentity(host),
    status,
    termination,
    ...(reason ? { reason } : {}),
    startedAt: started.toISOString(),
    durationMs,
    ...identity,
    ...(host.transport === 'winrm' && host.useSsl && host.skipCertificateCheck ? { certificateUnchecked: true as const } : {}),
    checks: outcomes(plan.checkIds, run, finished, termination, seconds),
  };
}

/** The inventory facts every host result carries, whatever became of the scan. */
export function hostIdentity(host: ResolvedHost): Pick<HostResult, 'name' | 'address' | 'transport' | 'cloud' | 'tags' | 'site' | 'vault'> {
  return {
    name: host.name,
    address: host.address,
    transport: host.transport,
    cloud: host.cloud,
    tags: host.tags,
    ...(host.site ? { site: host.site } : {}),
    vault: typeof host.vars.vaultName === 'string' ? host.vars.vaultName : undefined,
  };
}

function toOutcome(r: RemoteCheckResult): CheckOutcome {
  const outcome: CheckOutcome = { id: r.id, status: r.status, summary: r.summary, evidence: r.evidence, ms: r.ms };
  if (r.reason !== undefined) outcome.reason = r.reason;
  return outcome;
}

/**
 * One outcome per selected check: skipped where it does not apply, as reported where the host finished
 * it, and otherwise `not-run` with why — or `error` when a complete report left it out (never a pass).
 */
function outcomes(ids: string[], run: HostPlan, finished: RemoteCheckResult[], termination: Termination, seconds: number): CheckOutcome[] {
  const skipped = new Map(run.skipped.map((s) => [s.id, s]));
  const byId = new Map(finished.map((r) => [r.id, r]));
  return ids.map((id) => {
    const done = byId.get(id);
    if (done) return toOutcome(done);
    const skip = skipped.get(id);
    if (skip) return skip;
    const why = NOT_RUN_BECAUSE(seconds)[termination.reason];
    if (termination.reason === 'completed') return { id, status: 'error', summary: 'the host did not return this check', evidence: [why], reason: why };
    return { id, status: 'not-run', summary: why, evidence: [], reason: why };
  });
}
