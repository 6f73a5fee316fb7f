import { hostname, userInfo } from 'node:os';
import type { Pack } from '../checks/catalog.js';
import { runFleetChecks, type FleetCheckOptions } from './fleet-checks.js';
import type { Inventory, ResolvedHost } from '../inventory/schema.js';
import { Journal } from './journal.js';
import { RUN_RECORD_SCHEMA, type HostResult, type RunRecord } from '../record/run-record.js';
import { scanFleet } from './scan-fleet.js';
import { packBundles } from './pack-bundles.js';
import type { HostKeyPolicy } from './ssh-options.js';
import { TransportSet } from './transport-set.js';
import { toolVersion } from './tool-version.js';

export interface RunScanOptions {
  runId: string;
  inventory: Inventory;
  /** The hosts to scan (after --tags / --host filters), in inventory order. */
  hosts: ResolvedHost[];
  pack: Pack;
  /** --checks as given, or null for every check of the pack. */
  checkIds: string[] | null;
  tags: string[] | null;
  concurrency: number;
  deadlineMs: number;
  connectTimeoutMs: number;
  failOn: 'any' | 'new';
  signal: AbortSignal;
  journalFile?: string;
  /** Hosts finished by an earlier run of the same id (`--resume`); the journal then already exists. */
  finished?: Map<string, HostResult>;
  startedAt?: Date;
  onHostDone?: (result: HostResult) => void;
  /** Called once when the journal cannot be written any more (a full disk), with the line that says where. */
  onJournalError?: (message: string) => void;
  /** WinRM passwords by environment variable name, resolved by the CLI (env or prompt). */
  secrets?: Map<string, string>;
  /** ssh and ssh-exec: refuse unknown host keys (default), or `accept-new` with --accept-new-host-keys. */
  hostKeys?: HostKeyPolicy;
  env?: NodeJS.ProcessEnv;
}

/** How long one check may run on a host: a slow probe must not cost the others, nor the whole deadline. */
export function checkBudgetFor(deadlineMs: number): number {
  return Math.min(30_000, Math.max(5_000, Math.floor(deadlineMs / 3)));
}

/** Scans the fleet and returns the run record (waivers and changes are applied by the caller). */
export async function runScan(options: RunScanOptions): Promise<RunRecord> {
  const startedAt = options.startedAt ?? new Date();
  const selected = options.checkIds ? new Set(options.checkIds) : undefined;
  const checks = options.pack.checks.filter((c) => !selected || selected.has(c.id));
  const hostCheckIds = checks.filter((c) => c.kind === 'host').map((c) => c.id);
  const fleetCheckIds = checks.filter((c) => c.kind === 'fleet').map((c) => c.id);
  const bundleFor = packBundles(options.pack.name);
  const transports = new TransportSet(options.env, options.secrets, { hostKeys: options.hostKeys ?? 'strict' });
  const parameters = {
    concurrency: options.concurrency,
    deadlineMs: options.deadlineMs,
    connectTimeoutMs: options.connectTimeoutMs,
    checks: options.checkIds,
    tags: options.tags,
    failOn: options.failOn,
  };
  const journal = options.journalFile
    ? options.finished
      ? Journal.reopen(options.journalFile)
      : Journal.create(options.journalFile, {
          type: 'run',
          runId: options.runId,
          startedAt: startedAt.toISOString(),
          inventoryPath: options.inventory.path,
          pack: options.pack.name,
          parameters,
          hostNames: options.hosts.map((h) => h.name),
        })
    : undefined;
  let hosts: HostResult[];
  try {
    hosts = await scanFleet({
      hosts: options.hosts,
      transports,
      concurrency: options.concurrency,
      signal: options.signal,
      finished: options.finished,
      journal,
      onHostDone: options.onHostDone,
      plan: {
        pack: options.pack,
        checkIds: hostCheckIds,
        deadlineMs: options.deadlineMs,
        checkBudgetMs: checkBudgetFor(options.deadlineMs),
        bundleFor,
      },
    });
    await judgeFleet({
      worker: transports.pwsh(),
      bundle: bundleFor(false, fleetCheckIds),
      pack: options.pack,
      checkIds: fleetCheckIds,
      hosts: options.hosts,
      results: hosts,
      signal: options.signal,
      deadlineMs: options.deadlineMs,
    });
  } finally {
    if (journal?.error) options.onJournalError?.(journal.error);
    await transports.close();
  }
  const finishedAt = new Date();
  return {
    schema: RUN_RECORD_SCHEMA,
    runId: options.runId,
    tool: { name: 'fleet-scan', version: toolVersion() },
    pack: { name: options.pack.name, version: options.pack.version },
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    user: safeUser(),
    controller: hostname(),
    inventory: { path: options.inventory.path, key: options.inventory.key, hostCount: options.hosts.length },
    parameters,
    interrupted: options.signal.aborted,
    checks,
    hosts,
    waivers: [],
    changes: null,
  };
}

/** The fleet-side checks over every host's result, added to each host's checks; a host nobody saw gets no verdict of its own. */
export async function judgeFleet(options: FleetCheckOptions): Promise<void> {
  await runFleetChecks(options);
  unseenGetNoFleetVerdict(options.results, options.checkIds);
}

/**
 * Fleet checks judge the fleet as planned (an unreachable host still counts towards its vault), but a
 * host nobody saw gets no verdict of its own: its fleet-check outcomes are `not-run`, never `pass`.
 */
function unseenGetNoFleetVerdict(hosts: HostResult[], fleetCheckIds: string[]): void {
  const fleet = new Set(fleetCheckIds);
  for (const h of hosts) {
    if (h.status === 'ok') continue;
    const why = `host ${h.status}: not scanned`;
    h.checks = h.checks.map((c) => (fleet.has(c.id) ? { id: c.id, status: 'not-run', summary: why, evidence: [], reason: why } : c));
  }
}

/** Who ran it: the OS user, or $USER where the OS cannot say (a container's uid with no passwd entry). */
export function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}
