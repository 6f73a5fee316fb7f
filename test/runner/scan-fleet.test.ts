// scanFleet over real sshd hosts: a deadline that really ends a hung host, and remote output that is
// garbage, lies or floods. The misbehaving targets are fake remote shells (test/fixtures/hosts), reached
// over real ssh; the well-behaved hosts run the real bundle in the lab's PowerShell.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Lab } from '../../src/lab/index.js';
import type { HostResult } from '../../src/record/run-record.js';
import { packBundles } from '../../src/runner/pack-bundles.js';
import { notStarted, scanFleet } from '../../src/runner/scan-fleet.js';
import { TransportSet } from '../../src/runner/transport-set.js';
import { eventually, liveLabProcesses } from '../helpers/lab-processes.js';
import { endLabTurn, takeLabTurn } from './helpers/lab-lock.js';
import { HEALTHY_SKIPPED, fakeShell, healthyInventoryVars, healthyStates, loadMarsInventory, writeInventory } from './helpers/scan-lab.js';

/** Processes on this machine whose command line names `address` and that are ssh or the fakes' sleep. */
function clientProcessesFor(address: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (/(^|\/)ssh$/.test(cmd[0] ?? '') && cmd.includes(address)) found.push(`${pid} ${cmd.join(' ')}`);
    } catch {
      // gone while we looked
    }
  }
  return found;
}

/** A few host checks keep the real hosts quick; which ones does not matter to the pool. */
async function scan(file: string, deadlineMs: number, checkCount = 6): Promise<{ results: HostResult[]; checkIds: string[]; elapsed: number }> {
  const { pack, inventory } = await loadMarsInventory(file);
  const checkIds = pack.checks.filter((c) => c.kind === 'host').map((c) => c.id).slice(0, checkCount);
  const transports = new TransportSet();
  const started = Date.now();
  try {
    const results = await scanFleet({
      hosts: inventory.hosts,
      transports,
      concurrency: 8,
      signal: new AbortController().signal,
      plan: { pack, checkIds, deadlineMs, checkBudgetMs: 5_000, bundleFor: packBundles('mars') },
    });
    return { results, checkIds, elapsed: Date.now() - started };
  } finally {
    await transports.close();
  }
}

function byName(results: HostResult[], name: string): HostResult {
  const found = results.find((r) => r.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

function expectHealthyHostChecks(result: HostResult, checkIds: string[]): void {
  expect(result.status, result.reason).toBe('ok');
  expect(result.checks.map((c) => c.id)).toEqual(checkIds);
  const wrong = result.checks.filter((c) => (HEALTHY_SKIPPED.has(c.id) ? c.status !== 'skipped' : c.status !== 'pass'));
  expect(wrong.map((c) => `${c.id}=${c.status}`)).toEqual([]);
}

describe.sequential('scanFleet over hosts that hang or misbehave', () => {
  let dir: string;
  let releaseLabTurn: (() => void) | undefined;
  let lab: Lab | undefined;

  beforeAll(async () => {
    releaseLabTurn = await takeLabTurn();
    dir = mkdtempSync(path.join(tmpdir(), 'fs-h8-pool-'));
    lab = await startFleet({ dir: path.join(dir, 'lab'), base: '127.0.102', count: 7, states: healthyStates(path.join(dir, 'states'), 7) });
  }, 720_000);

  afterAll(() => endLabTurn(releaseLabTurn, dir, lab));

  it('ends a hung host at its deadline as timeout, keeps the check it finished, leaves no process behind and does not touch the others', async () => {
    const vars = healthyInventoryVars();
    const [hung, viaExec, viaSsh] = lab!.hosts;
    const file = writeInventory(path.join(dir, 'deadline.json'), lab!, [
      { name: 'hangs', address: hung!.address, transport: 'ssh-exec', shell: fakeShell('fake-powershell-hangs.sh') },
      { name: 'good-exec', address: viaExec!.address, transport: 'ssh-exec', shell: lab!.powershell, vars },
      { name: 'good-ssh', address: viaSsh!.address, vars },
    ]);
    const deadlineMs = 30_000;
    const { results, checkIds, elapsed } = await scan(file, deadlineMs);

    const hangs = byName(results, 'hangs');
    expect(hangs.status).toBe('timeout');
    expect(hangs.reason).toBe(`no result within 30 s; stopped after 1 of ${checkIds.length} checks`);
    expect(hangs.checks[0]).toMatchObject({ id: checkIds[0], status: 'pass', summary: 'fake result' });
    expect(hangs.checks.slice(1).map((c) => c.status)).toEqual(checkIds.slice(1).map(() => 'not-run'));
    expect(hangs.checks[1]?.reason).toBe('host passed its 30 s deadline');
    // The controller's own ssh for the host is gone the moment the scan returns ...
    expect(clientProcessesFor(hung!.address)).toEqual([]);
    // ... and the target's session ends with the connection (no sleeping fake left on the lab host).
    const listeners = new Set(lab!.hosts.map((h) => h.pid));
    const sessionsLeft = () => liveLabProcesses(lab!.dir).filter((p) => !listeners.has(p.pid));
    expect(await eventually(() => sessionsLeft().length === 0, 10_000), JSON.stringify(sessionsLeft())).toBe(true);

    expectHealthyHostChecks(byName(results, 'good-exec'), checkIds);
    expectHealthyHostChecks(byName(results, 'good-ssh'), checkIds);
    expect(elapsed).toBeLessThan(deadlineMs + 30_000);
  }, 90_000);

  it('rejects garbage, a forged report for another host, an unknown check and a flood, each as error with a one-line reason, and scans the other host normally', async () => {
    const vars = healthyInventoryVars();
    const hosts = lab!.hosts;
    const file = writeInventory(path.join(dir, 'untrusted.json'), lab!, [
      { name: 'garbage', address: hosts[0]!.address, shell: fakeShell('fake-powershell-garbage.sh') },
      { name: 'evil-twin', address: hosts[1]!.address, shell: fakeShell('fake-powershell-other-host.sh') },
      { name: 'unknown-check', address: hosts[2]!.address, shell: fakeShell('fake-powershell-unknown-check.sh') },
      { name: 'floods', address: hosts[3]!.address, shell: fakeShell('fake-powershell-floods.sh') },
      { name: 'honest-fake', address: hosts[4]!.address, shell: fakeShell('fake-powershell-honest.sh') },
      { name: 'good-exec', address: hosts[5]!.address, shell: lab!.powershell, vars },
    ], { transport: 'ssh-exec' });
    const { results, checkIds } = await scan(file, 60_000);

    const expected: Record<string, RegExp> = {
      garbage: /^host wrote no report; it wrote: Get-Item : Cannot find path/,
      'evil-twin': /^remote output rejected: report is for host "someone-else", not evil-twin$/,
      'unknown-check': /^remote output rejected: returned a check nobody asked for: mars-not-asked-for$/,
      floods: /^output exceeded the cap of 4194304 bytes$/,
    };
    for (const [name, reason] of Object.entries(expected)) {
      const r = byName(results, name);
      expect(r.status, name).toBe('error');
      expect(r.reason, name).toMatch(reason);
      expect(r.reason, name).not.toMatch(/\n/);
      expect(r.checks.filter((c) => c.status !== 'not-run' && c.status !== 'skipped'), name).toEqual([]);
    }
    // The same frames from a host that tells the truth are accepted: the rejections above are about the lies.
    const honest = byName(results, 'honest-fake');
    expect(honest.status).toBe('ok');
    expect(honest.checks.every((c) => c.status === 'pass')).toBe(true);
    expectHealthyHostChecks(byName(results, 'good-exec'), checkIds);
  }, 120_000);
});

describe('notStarted', () => {
  it('marks every check of a host the run never started not-run, never pass', () => {
    const host = {
      name: 'h', address: 'h', transport: 'ssh' as const, port: 22, shell: 'powershell.exe', subsystem: 'powershell',
      useSsl: true, auth: 'ntlm' as const, skipCertificateCheck: false, lab: false, cloud: 'public' as const, tags: [], connectTimeoutMs: 5000, vars: { vaultName: 'v' },
    };
    const r = notStarted(host, ['mars-a', 'mars-b']);
    expect(r.status).toBe('not-run');
    expect(r.vault).toBe('v');
    expect(r.checks.map((c) => c.status)).toEqual(['not-run', 'not-run']);
  });
});
