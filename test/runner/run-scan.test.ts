// The fleet test: one run over 20 dressed loopback hosts and every kind of host that cannot be reached,
// through real sshd, real ssh and the real pwsh worker.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Lab } from '../../src/lab/index.js';
import { startFailureFixtures, type FailureFixtures, type FailureKind } from '../helpers/failure-fixtures.js';
import type { HostResult, RunRecord } from '../../src/record/run-record.js';
import { checkBudgetFor } from '../../src/runner/run-scan.js';
import { endLabTurn, takeLabTurn } from './helpers/lab-lock.js';
import { HEALTHY_SKIPPED, healthyInventoryVars, healthyStates, scanInventoryFile, writeInventory } from './helpers/scan-lab.js';

/** Roomy: 20 remote PowerShell sessions at once share 2 cores with whatever else runs. */
const DEADLINE_MS = 120_000;
/** Generous: the fleet checks and worker start-up come on top of the per-host deadline. */
const RUN_BOUND_MS = DEADLINE_MS + 60_000;
// Room for a healthy host's pwsh -sshs to start while 20 others and the rest of the suite share 2 cores; the
// stalled fixtures take this long to fail.
const CONNECT = '20s';

const KINDS: FailureKind[] = ['down', 'never-answers', 'no-subsystem', 'wrong-key', 'wrong-host-key'];

/** What each failure must be reported as, in the words the reports show. */
const SSH_REASONS: Record<FailureKind, RegExp> = {
  down: /connection refused/i,
  'never-answers': /connect timed out/i,
  'banner-then-stall': /^connect timed out: the host answered, then stopped before the SSH handshake finished$/,
  'no-subsystem': /no powershell subsystem/i,
  'wrong-key': /authentication failed: permission denied \(publickey/i,
  'wrong-host-key': /host key/i,
};

function host(record: RunRecord, name: string): HostResult {
  const found = record.hosts.find((h) => h.name === name);
  if (!found) throw new Error(`no ${name} in the record`);
  return found;
}

function expectUnreachable(record: RunRecord, kind: FailureKind): void {
  const h = host(record, kind);
  expect(h.status, `${kind}: ${h.reason}`).toBe('unreachable');
  expect(h.reason).toMatch(SSH_REASONS[kind]);
  expect(h.reason).not.toContain('\n');
  expect(h.checks.length).toBe(record.checks.length);
  // Host checks never ran; the fleet-side checks must not vouch for a host nobody saw either.
  expect(h.checks.filter((c) => c.status === 'pass')).toEqual([]);
  for (const c of h.checks.filter((c) => record.checks.find((m) => m.id === c.id)?.kind === 'host')) {
    expect(c.status, c.id).toBe('not-run');
  }
}

function expectHealthy(record: RunRecord, name: string): void {
  const h = host(record, name);
  expect(h.status, `${name}: ${h.reason}`).toBe('ok');
  expect(h.reason).toBeUndefined();
  const wrong = h.checks.filter((c) => (HEALTHY_SKIPPED.has(c.id) ? c.status !== 'skipped' : c.status !== 'pass'));
  expect(wrong.map((c) => `${c.id}=${c.status}: ${c.summary}`)).toEqual([]);
  expect(h.checks.map((c) => c.id)).toEqual(record.checks.map((c) => c.id));
}

describe.sequential('a scan of a loopback fleet with every kind of unreachable host', () => {
  let dir: string;
  let releaseLabTurn: (() => void) | undefined;
  let lab: Lab | undefined;
  let failures: FailureFixtures | undefined;

  beforeAll(async () => {
    releaseLabTurn = await takeLabTurn();
    dir = mkdtempSync(path.join(tmpdir(), 'fs-h8-fleet-'));
    lab = await startFleet({ dir: path.join(dir, 'lab'), base: '127.0.100', count: 20, states: healthyStates(path.join(dir, 'states'), 20) });
    failures = await startFailureFixtures({
      dir: path.join(dir, 'failures'),
      base: '127.0.101',
      kinds: [...KINDS, 'banner-then-stall'],
      client: { clientKey: lab.clientKey, knownHosts: lab.knownHosts },
      lifetimeMs: 300_000,
    });
  }, 720_000);

  afterAll(() => endLabTurn(releaseLabTurn, dir, failures, lab));

  it('gives every host over ssh an honest status: dressed hosts ok and passing, each failure unreachable with its own reason, within the deadline', async () => {
    const vars = healthyInventoryVars();
    const file = writeInventory(path.join(dir, 'fleet-ssh.json'), lab!, [
      ...lab!.hosts.map((h) => ({ name: h.name, address: h.address, vars })),
      ...failures!.fixtures.map((f) => ({ name: f.name, address: f.address, vars })),
    ], { connectTimeout: CONNECT });
    const started = Date.now();
    const record = await scanInventoryFile(file, { deadlineMs: DEADLINE_MS });
    const elapsed = Date.now() - started;

    expect(record.hosts.map((h) => h.name)).toEqual([...lab!.hosts.map((h) => h.name), ...KINDS, 'banner-then-stall']);
    for (const h of lab!.hosts) expectHealthy(record, h.name);
    for (const kind of [...KINDS, 'banner-then-stall'] as const) expectUnreachable(record, kind);
    expect(record.interrupted).toBe(false);
    expect(elapsed).toBeLessThan(RUN_BOUND_MS);
  }, RUN_BOUND_MS + 30_000);

  it('gives the same honest statuses over ssh-exec, where the target runs its own PowerShell', async () => {
    const vars = healthyInventoryVars();
    // no-subsystem is left out: ssh-exec asks for no subsystem, so that host is reachable this way. A banner
    // and then silence is said in ssh's own words here (its 255 carries text at LogLevel INFO).
    const kinds: FailureKind[] = [...KINDS.filter((k) => k !== 'no-subsystem'), 'banner-then-stall'];
    const file = writeInventory(
      path.join(dir, 'fleet-ssh-exec.json'),
      lab!,
      [
        ...lab!.hosts.slice(0, 3).map((h) => ({ name: h.name, address: h.address, vars })),
        ...kinds.map((k) => ({ name: k, address: failures!.get(k).address, vars })),
      ],
      { transport: 'ssh-exec', shell: lab!.powershell, connectTimeout: CONNECT },
    );
    const started = Date.now();
    const record = await scanInventoryFile(file, { deadlineMs: DEADLINE_MS });
    const elapsed = Date.now() - started;

    for (const h of lab!.hosts.slice(0, 3)) expectHealthy(record, h.name);
    for (const kind of kinds) expectUnreachable(record, kind);
    expect(record.hosts.every((h) => h.transport === 'ssh-exec')).toBe(true);
    expect(elapsed).toBeLessThan(RUN_BOUND_MS);
  }, RUN_BOUND_MS + 30_000);
});

describe('checkBudgetFor', () => {
  it('gives each check a third of the deadline, never under 5 s nor over 30 s', () => {
    expect(checkBudgetFor(60_000)).toBe(20_000);
    expect(checkBudgetFor(3_000)).toBe(5_000);
    expect(checkBudgetFor(600_000)).toBe(30_000);
  });
});
