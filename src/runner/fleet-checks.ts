import { resolveVar, skippedOutcome, whyNotApplicable } from '../checks/plan.js';
import type { Pack } from '../checks/catalog.js';
import type { CheckMetadata } from '../record/check-metadata.js';
import type { CheckOutcome } from '../record/check-result.js';
import { fleetReportSchema } from '../record/fleet-report.js';
import type { HostResult } from '../record/run-record.js';
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
  /** Hosts one request carries at most (whole partitions); FLEET_BATCH_HOSTS unless a test says otherwise. */
  batchHosts?: number;
}

/**
 * Runs the controller-side checks (e.g. duplicate server names in one vault) in the pwsh worker over all
 * hosts' results, each check over the hosts it applies to (the same rule as host checks), and adds each
 * host's outcome to its checks. A check that declares a `partition` runs over whole partitions at a time
 * (batches of at most FLEET_BATCH_HOSTS hosts), so the worker holds a batch, not the fleet. Ended by the same
 * stop stage as a host: deadline, interrupt, worker death. A failure marks the checks of the batches it hit
 * `error` (or `not-run` when interrupted) on their hosts; it never drops one, and other batches keep theirs.
 */
export async function runFleetChecks(options: FleetCheckOptions): Promise<void> {
  const { pack, checkIds, hosts, results } = options;
  if (checkIds.length === 0) return;
  const byName = new Map(hosts.map((h) => [h.name, h]));
  const skipped = new Map<string, CheckOutcome>();
  const metas = checkIds.map((id) => pack.checks.find((c) => c.id === id)!);
  const applying = metas.map((meta) => ({
    meta,
    results: results.filter((r) => {
      const host = byName.get(r.name);
      const why = host ? whyNotApplicable(pack, meta, host) : 'not in the inventory';
      if (why) skipped.set(`${r.name}\0${meta.id}`, skippedOutcome(meta.id, why));
      return !why;
    }),
  }));
  const payloadHosts = (batch: FleetBatch): FleetPayloadHosts => new FleetPayloadHosts(pack, batch.map((a) => a.meta), byName);
  const outcomes = await runInWorker(options, fleetBatches(pack, byName, applying.filter((a) => a.results.length > 0), options.batchHosts ?? FLEET_BATCH_HOSTS), payloadHosts);
  for (const result of results) {
    for (const id of checkIds) {
      const outcome = skipped.get(`${result.name}\0${id}`) ?? outcomes.get(`${result.name}\0${id}`) ?? missing(id);
      result.checks.push(outcome);
    }
  }
}

/** Hosts one fleet request carries at most, unless a single partition is larger (a partition is never split). */
const FLEET_BATCH_HOSTS = 1000;

interface Applying {
  meta: CheckMetadata;
  results: HostResult[];
}

/** One request to the worker: some checks, each over some hosts. */
type FleetBatch = Applying[];

/**
 * Cuts the fleet checks into requests: the checks without a partition in one request over every host they
 * apply to; the checks that share a partition var over the same batches of whole partitions (cloud and the
 * var's value, pack default filled, compared case-insensitively, as the checks group).
 */
function fleetBatches(pack: Pack, byName: Map<string, ResolvedHost>, applying: Applying[], batchHosts: number): FleetBatch[] {
  const batches: FleetBatch[] = [];
  const byPartition = new Map<string | undefined, Applying[]>();
  for (const a of applying) byPartition.set(a.meta.partition, [...(byPartition.get(a.meta.partition) ?? []), a]);
  for (const [partition, group] of byPartition) {
    if (partition === undefined) {
      batches.push(group);
      continue;
    }
    const keyOf = (r: HostResult): string => {
      const value = resolveVar(pack, { cloud: r.cloud, vars: byName.get(r.name)?.vars ?? {} }, partition);
      return `${r.cloud}\0${value === undefined || value === null ? '' : String(value)}`.toLowerCase();
    };
    // Each check's hosts by partition, and each partition's hosts over all these checks (a host counts once).
    const parts = group.map((a) => ({ meta: a.meta, byKey: new Map<string, HostResult[]>() }));
    const members = new Map<string, Set<string>>();
    group.forEach((a, i) => {
      for (const r of a.results) {
        const key = keyOf(r);
        const list = parts[i]!.byKey.get(key) ?? [];
        list.push(r);
        parts[i]!.byKey.set(key, list);
        members.set(key, (members.get(key) ?? new Set<string>()).add(r.name));
      }
    });
    let keys: string[] = [];
    let size = 0;
    const flush = (): void => {
      if (keys.length === 0) return;
      const taken = keys;
      batches.push(parts.map((p) => ({ meta: p.meta, results: taken.flatMap((k) => p.byKey.get(k) ?? []) })).filter((a) => a.results.length > 0));
      keys = [];
      size = 0;
    };
    for (const [key, names] of members) {
      if (size > 0 && size + names.size > batchHosts) flush();
      keys.push(key);
      size += names.size;
    }
    flush();
  }
  return batches;
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
 * The hosts of one fleet payload, each once however many checks list it, with only the vars the fleet
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

/** Runs the batches one after the other in the worker, under one stop stage; returns every outcome by host and check. */
async function runInWorker(options: FleetCheckOptions, batches: FleetBatch[], payloadHosts: (batch: FleetBatch) => FleetPayloadHosts): Promise<Map<string, CheckOutcome>> {
  const outcomes = new Map<string, CheckOutcome>();
  if (batches.length === 0) return outcomes;
  const { worker } = options;
  const seconds = Math.round(options.deadlineMs / 1000);
  const stop = new Stop({ deadlineMs: options.deadlineMs, signal: options.signal, forceAfterMs: FORCE_AFTER_MS, deadlineDetail: `fleet checks passed their ${seconds} s deadline` });
  const cancel = new AbortController();
  stop.onStop(() => cancel.abort());
  stop.onForce(() => worker.restart('the fleet checks ignored their stop'));
  const unjudged: FleetBatch[] = [];
  const mark = (batch: FleetBatch, outcome: (id: string) => CheckOutcome): void => {
    for (const a of batch) for (const r of a.results) outcomes.set(`${r.name}\0${a.meta.id}`, outcome(a.meta.id));
  };
  try {
    worker.setBlob(options.bundle.key, options.bundle.text);
  } catch (error) {
    stop.end('worker-died', reasonLine(error instanceof Error ? error.message : String(error)));
  }
  for (const batch of batches) {
    if (stop.termination) {
      unjudged.push(batch);
      continue;
    }
    try {
      const problem = await runBatch(options, batch, payloadHosts(batch), cancel.signal, outcomes);
      if (problem) mark(batch, (id) => failed(id, problem));
    } catch (error) {
      if (!(error instanceof WorkerError && error.kind === 'cancelled')) {
        stop.end('worker-died', reasonLine(error instanceof Error ? error.message : String(error)));
      }
      unjudged.push(batch);
    }
  }
  const termination = stop.settle();
  if (termination.reason === 'interrupted') for (const batch of unjudged) mark(batch, interrupted);
  else {
    const text = termination.detail ?? termination.reason;
    for (const batch of unjudged) mark(batch, (id) => failed(id, text));
  }
  return outcomes;
}

/** One request: its outcomes go into `outcomes`; returns what was wrong with its report, if anything. */
async function runBatch(options: FleetCheckOptions, batch: FleetBatch, fleet: FleetPayloadHosts, signal: AbortSignal, outcomes: Map<string, CheckOutcome>): Promise<string | undefined> {
  const checks = batch.map((a) => ({ id: a.meta.id, hosts: a.results.map((r) => fleet.indexOf(r)) }));
  const marker = newMarker();
  const payload = { marker, pack: options.pack.name, hosts: fleet.hosts, checks };
  const results = checks.reduce((n, c) => n + c.hosts.length, 0);
  const reply = await options.worker.run(workerScript('run-fleet-checks.ps1'), {
    params: { Payload: Buffer.from(JSON.stringify(payload)).toString('base64') },
    compactAfter: true,
    blobParams: { Bundle: options.bundle.key },
    signal,
    // The report holds a result per host per check: its size follows the batch (20,000 hosts: some 11 MB).
    maxOutputBytes: FLEET_REPORT_BASE_BYTES + results * FLEET_REPORT_BYTES_PER_RESULT,
  });
  const frame = outputLines(reply.output).map((l) => readFrame(l, marker)).find((r) => r.type !== 'text');
  if (!frame || frame.type !== 'frame' || frame.kind !== 'fleet') {
    return reasonLine(frame?.type === 'bad-frame' ? frame.problem : (reply.errors[0] ?? 'fleet checks wrote no report'));
  }
  const parsed = fleetReportSchema.safeParse(frame.value);
  if (!parsed.success) return 'the fleet report does not match its schema';
  for (const r of parsed.data.results) {
    const outcome: CheckOutcome = { id: r.id, status: r.status, summary: r.summary, evidence: r.evidence, ms: r.ms };
    if (r.reason) outcome.reason = r.reason;
    outcomes.set(`${r.host}\0${r.id}`, outcome);
  }
  return undefined;
}

function interrupted(id: string): CheckOutcome {
  return { id, status: 'not-run', summary: 'run interrupted', evidence: [], reason: 'run interrupted' };
}

function failed(id: string, text: string): CheckOutcome {
  return { id, status: 'error', summary: `fleet check failed: ${text}`, evidence: [`error: ${text}`], reason: text };
}

/** A host the fleet report left out: never a pass. */
function missing(id: string): CheckOutcome {
  return { id, status: 'error', summary: 'fleet check returned nothing for this host', evidence: ['missing from the fleet report'], reason: 'missing from the fleet report' };
}
