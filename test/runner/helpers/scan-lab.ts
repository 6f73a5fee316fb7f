// Shared by the runner and CLI tests: dressed lab states, inventory files for real loopback labs, and a
// one-call runScan over such an inventory.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadPack, type Pack } from '../../../src/checks/catalog.js';
import { validateVars } from '../../../src/checks/pack-vars.js';
import { loadInventory } from '../../../src/inventory/load.js';
import type { Inventory } from '../../../src/inventory/schema.js';
import { newRunId } from '../../../src/runner/run-id.js';
import type { RunRecord } from '../../../src/record/run-record.js';
import { runScan, type RunScanOptions } from '../../../src/runner/run-scan.js';
import { REPO } from '../../helpers/pwsh.js';

export const HEALTHY_STATE = path.join(REPO, 'test', 'fixtures', 'states', 'healthy-public.json');
export const FAKE_HOSTS_DIR = path.join(REPO, 'test', 'fixtures', 'hosts');

/** The checks the healthy-public state does not apply to (2008 R2, legacy TLS, private endpoints): skipped. */
export const HEALTHY_SKIPPED = new Set(['mars-vcredist-2008r2', 'mars-tls12-legacy-os', 'mars-private-endpoint-dns']);

/** A fake remote shell of test/fixtures/hosts, made executable (git may drop the bit). */
export function fakeShell(name: string): string {
  const file = path.join(FAKE_HOSTS_DIR, name);
  chmodSync(file, 0o755);
  return file;
}

/** The inventory section of the healthy state: the vars a real inventory would give such a host. */
export function healthyInventoryVars(): Record<string, unknown> {
  return JSON.parse(readFileSync(HEALTHY_STATE, 'utf8')).inventory.vars;
}

/**
 * `count` copies of the healthy state, each with its own computer name (one vault holding two machines
 * of the same name is a real finding, which would hide what these tests look at).
 */
export function healthyStates(dir: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  const base = JSON.parse(readFileSync(HEALTHY_STATE, 'utf8'));
  return Array.from({ length: count }, (_, i) => {
    const state = structuredClone(base);
    state.computer.computerName = `FS${String(i + 1).padStart(2, '0')}`;
    state.computer.dnsHostName = `fs${String(i + 1).padStart(2, '0')}`;
    const file = path.join(dir, `healthy-${i + 1}.json`);
    writeFileSync(file, JSON.stringify(state));
    return file;
  });
}

export interface LabClientFiles {
  clientKey: string;
  knownHosts: string;
}

export interface InventoryHost {
  name: string;
  address: string;
  [field: string]: unknown;
}

/** Writes an inventory in the documented format (lab port, key, known_hosts as defaults) and returns its path. */
export function writeInventory(file: string, client: LabClientFiles, hosts: InventoryHost[], defaults: Record<string, unknown> = {}): string {
  const doc = {
    name: path.basename(file, '.json'),
    defaults: {
      transport: 'ssh',
      user: 'root',
      port: 2222,
      keyFile: client.clientKey,
      knownHostsFile: client.knownHosts,
      connectTimeout: '5s',
      cloud: 'public',
      lab: true,
      ...defaults,
    },
    hosts,
  };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  return file;
}

export async function loadMarsInventory(file: string): Promise<{ pack: Pack; inventory: Inventory }> {
  const pack = loadPack('mars');
  const inventory = await loadInventory(file, { validateVars: (vars) => validateVars(pack, vars) });
  return { pack, inventory };
}

/** runScan over every host of an inventory file, with the CLI's defaults for what is not given. */
export async function scanInventoryFile(
  file: string,
  options: Partial<Omit<RunScanOptions, 'inventory' | 'hosts' | 'pack'>> = {},
): Promise<RunRecord> {
  const { pack, inventory } = await loadMarsInventory(file);
  return runScan({
    runId: newRunId(),
    inventory,
    hosts: inventory.hosts,
    pack,
    checkIds: null,
    tags: null,
    concurrency: 32,
    deadlineMs: 60_000,
    connectTimeoutMs: Math.max(...inventory.hosts.map((h) => h.connectTimeoutMs)),
    failOn: 'any',
    signal: new AbortController().signal,
    ...options,
  });
}

/** Outcomes of one host by check id. */
export function statusesOf(record: RunRecord, host: string): Map<string, string> {
  const result = record.hosts.find((h) => h.name === host);
  if (!result) throw new Error(`no host ${host} in the run record`);
  return new Map(result.checks.map((c) => [c.id, c.status]));
}
