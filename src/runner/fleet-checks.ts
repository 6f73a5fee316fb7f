import { resolveVar, skippedOutcome, whyNotApplicable } from '../checks/plan.js';
import type { Pack } from '../checks/catalog.js';
import type { CheckMetadata } from '../record/check-metadata.js';
import type { CheckOutcome } from '../record/check-result.js';
import { fleetReportSchema } from '../record/fleet-report.js';
import type { HostResult } from '../record/run-record.js';
import type { Termination } from '../record/termination.js';
import type { ResolvedHost } from '../inventory/schema.js';
import { newMarker, outputLines, readFrame } from './frames.js';
import { WorkerError, type PwshHost } from './pwsh-host.js';
import { reasonLine } from '../record/one-line.js';
import { Stop } from './stop/stop.js';
import { FORCE_AFTER_MS, type Bundle } from './transports/transport.js';
import { workerScript } from './transports/worker-scripts.js';

export interface FleetCheckOptions {
  worker: PwshHost;
  bundle: Bundle;
  pack: Pack;
  /** Selected fleet checks, in catalogue order. */
  checkIds: string[];
  hosts: ResolvedHost[];
  results: HostResult[];
  /** The run's interrupt: Ctrl-C ends the fleet checks at once too. */
  signal: AbortSignal;
  deadlineMs: number;
}

/**
 * Runs the controller-side checks (e.g. duplicate server names in one vault) in the pwsh worker over all
 * hosts' results, each check over the hosts it applies to (the same rule as host checks), and adds each
 * host's outcome to its checks. Ended by the same stop stage as a host: deadline, interrupt, worker death.
 * A failure marks those checks `error` (or `not-run` when interrupted) on every host; it never drops one.
 */
export async function runFleetChecks(options: FleetCheckOptions): Promise<void> {
  const { pack, checkIds, hosts, results } = options;
  if (checkIds.length === 0) return;
  const byName = new Map(hosts.map((h) => [h.name, h]));
  const skipped = new Map<string, CheckOutcome>();
  const metas = checkIds.map((id) => pack.checks.find((c) => c.id === id)!);
  const fleet = new FleetPayloadHosts(pack, metas, byName);
  const checks = metas.map((meta) => {
    const eligible = results.filter((r) => {
      const host = byName.get(r.name);
      const why = host ? whyNotApplicable(pack, meta, host) : 'not in the inventory';
      if (why) skipped.set(`${r.name}\0${meta.id}`, skippedOutcome(meta.id, why));
      return !why;
    });
    return { id: meta.id, hosts: eligible.map((r) => fleet.indexOf(r)) };
  });
  const ran = await runInWorker(options, fleet.hosts, checks.filter((c) => c.hosts.length > 0));
  for (const result of results) {
    for (const id of checkIds) {
      const outcome = skipped.get(`${result.name}\0${id}`) ?? ran.outcomes.get(`${result.name}\0${id}`) ?? missing(id, ran.failure);
      result.checks.push(outcome);
    }
  }
}

interface Ran {
  outcomes: Map<string, CheckOutcome>;
  failure?: { termination: Termination; text: string };
}

const FLEET_REPORT_BASE_BYTES = 4 * 1024 * 1024;
// A result is some 270 bytes of base64 JSON; room for a few evidence lines more.
const FLEET_REPORT_BYTES_PER_RESULT = 4096;

/** One payload entry for a host, as the fleet checks read it. */
interface FleetHost {
  name: string;
  cloud: string;
  status: HostResult['status'];
  vars: Record<string, unknown>;
  facts: { computerName?: string };
}

/**
 * The hosts of the fleet payload, each once however many checks list it, with only the vars the fleet
 * checks require or read, pack defaults filled in here: what 10,000 hosts cost the pwsh worker to decode
 * is then a few values each, not every var of the inventory.
 */
class FleetPayloadHosts {
  readonly hosts: FleetHost[] = [];
  private readonly index = new Map<string, number>();
  private readonly wanted: string[];

  constructor(private readonly pack: Pack, metas: CheckMetadata[], private readonly byName: Map<string, ResolvedHost>) {
    this.wanted = [...new Set(metas.flatMap((m) => [...m.requires, ...(m.reads ?? [])]))];
  }

  indexOf(result: HostResult): number {
    let at = this.index.get(result.name);
    if (at === undefined) {
      const target = { cloud: result.cloud, vars: this.byName.get(result.name)?.vars ?? {} };
      const vars: Record<string, unknown> = {};
      for (const name of this.wanted) {
        const value = resolveVar(this.pack, target, name);
        if (value !== undefined && value !== null) vars[name] = value;
      }
      at = this.hosts.push({ name: result.name, cloud: result.cloud, status: result.status, vars, facts: result.computerName ? { computerName: result.computerName } : {} }) - 1;
      this.index.set(result.name, at);
    }
    return at;
  }
}

async function runInWorker(options: FleetCheckOptions, hosts: FleetHost[], checks: Array<{ id: string; hosts: number[] }>): Promise<Ran> {
  const outcomes = new Map<string, CheckOutcome>();
  if (checks.length === 0) return { outcomes };
  const { worker } = options;
  const seconds = Math.round(options.deadlineMs / 1000);
  const stop = new Stop({ deadlineMs: options.deadlineMs, signal: options.signal, forceAfterMs: FORCE_AFTER_MS, deadlineDetail: `fleet checks passed their ${seconds} s deadline` });
  const cancel = new AbortController();
  stop.onStop(() => cancel.abort());
  stop.onForce(() => worker.restart('the fleet checks ignored their stop'));
  const marker = newMarker();
  try {
    worker.setBlob(options.bundle.key, options.bundle.text);
    const payload = { marker, pack: options.pack.name, hosts, checks };
    const results = checks.reduce((n, c) => n + c.hosts.length, 0);
    const reply = await worker.run(workerScript('run-fleet-checks.ps1'), {
      params: { Payload: Buffer.from(JSON.stringify(payload)).toString('base64') },
      blobParams: { Bundle: options.bundle.key },
      signal: cancel.signal,
      // The report holds a result per host per check: its size follows the fleet (20,000 hosts: some 11 MB).
      maxOutputBytes: FLEET_REPORT_BASE_BYTES + results * FLEET_REPORT_BYTES_PER_RESULT,
    });
    const frame = outputLines(reply.output).map((l) => readFrame(l, marker)).find((r) => r.type !== 'text');
    if (!frame || frame.type !== 'frame' || frame.kind !== 'fleet') {
      stop.end('remote-crash', reasonLine(frame?.type === 'bad-frame' ? frame.problem : (reply.errors[0] ?? 'fleet checks wrote no report')));
    } else {
      const parsed = fleetReportSchema.safeParse(frame.value);
      if (!parsed.success) stop.end('rejected-output', 'the fleet report does not match its schema');
      else {
        for (const r of parsed.data.results) {
          const outcome: CheckOutcome = { id: r.id, status: r.status, summary: r.summary, evidence: r.evidence, ms: r.ms };
          if (r.reason) outcome.reason = r.reason;
          outcomes.set(`${r.host}\0${r.id}`, outcome);
        }
      }
    }
  } catch (error) {
    if (!(error instanceof WorkerError && error.kind === 'cancelled')) {
      stop.end('worker-died', reasonLine(error instanceof Error ? error.message : String(error)));
    }
  }
  const termination = stop.settle();
  if (termination.reason === 'completed') return { outcomes };
  const text = termination.reason === 'interrupted' ? 'run interrupted' : (termination.detail ?? termination.reason);
  return { outcomes: new Map(), failure: { termination, text } };
}

function missing(id: string, failure: Ran['failure']): CheckOutcome {
  if (failure?.termination.reason === 'interrupted') return { id, status: 'not-run', summary: 'run interrupted', evidence: [], reason: 'run interrupted' };
  if (failure) return { id, status: 'error', summary: `fleet check failed: ${failure.text}`, evidence: [`error: ${failure.text}`], reason: failure.text };
  return { id, status: 'error', summary: 'fleet check returned nothing for this host', evidence: ['missing from the fleet report'], reason: 'missing from the fleet report' };
}
