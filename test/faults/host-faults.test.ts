// Hosts of a real loopback fleet fail on purpose while a scan runs: down, silent, their sshd or their
// PowerShell killed mid-scan, too slow for the deadline, or writing without end. Real sshd, real ssh, real
// processes killed with SIGKILL; the misbehaving targets are the fake remote shells of test/fixtures/hosts,
// the well-behaved ones run the real check bundle in the lab's PowerShell.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../src/checks/catalog.js';
import type { ResolvedHost } from '../../src/inventory/schema.js';
import { listenAndHold, type HoldOpenListener } from '../../src/lab/hold-open-listener.js';
import { startFleet, type Lab } from '../../src/lab/index.js';
import { PwshHost } from '../../src/runner/pwsh-host.js';
import { packBundles } from '../../src/runner/pack-bundles.js';
import { scanHost } from '../../src/runner/scan-host.js';
import { WorkerTransport } from '../../src/runner/transports/worker-transport.js';
import { PWSH } from '../helpers/pwsh.js';
import { endLabTurn, takeLabTurn } from '../runner/helpers/lab-lock.js';
import { fakeShell, healthyInventoryVars, healthyStates, loadMarsInventory, scanInventoryFile, writeInventory } from '../runner/helpers/scan-lab.js';
import {
  expectAllPass, expectFault, expectFirstCheckKept, expectHealthy, expectJournalHoldsEveryHost, hostNamed, killAll, sshdAbove, waitForRemoteShell,
} from './helpers/fault-lab.js';

const BASE = '127.0.200';
/** Nothing listens here: a host that is down. */
const DOWN = '127.0.200.100';
/** A listener that accepts TCP and never sends a byte. */
const SILENT = '127.0.200.101';
const HANGS = 'fake-powershell-hangs.sh';
const CAP = 4 * 1024 * 1024;

describe.sequential('host faults during a scan of a real loopback fleet', () => {
  let dir: string;
  let releaseLabTurn: (() => void) | undefined;
  let lab: Lab | undefined;
  let silent: HoldOpenListener | undefined;
  let checkIds: string[];

  beforeAll(async () => {
    releaseLabTurn = await takeLabTurn();
    dir = mkdtempSync(path.join(tmpdir(), 'fs-faults-hosts-'));
    lab = await startFleet({ dir: path.join(dir, 'lab'), base: BASE, count: 6, states: healthyStates(path.join(dir, 'states'), 6) });
    silent = await listenAndHold(SILENT, 2222, 600_000);
    const { pack } = await loadMarsInventory(writeInventory(path.join(dir, 'probe.json'), lab, [{ name: 'probe', address: lab.hosts[0]!.address }]));
    // A few host checks keep the real hosts quick; which ones does not matter to the faults.
    checkIds = pack.checks.filter((c) => c.kind === 'host').map((c) => c.id).slice(0, 5);
  }, 720_000);

  afterAll(() => endLabTurn(releaseLabTurn, dir, silent && { stop: () => silent!.close() }, lab));

  it('gives each failing host its own status, termination and one-line reason, keeps what it finished, and scans the other hosts normally', async () => {
    const vars = healthyInventoryVars();
    const h = lab!.hosts;
    const file = writeInventory(path.join(dir, 'faults.json'), lab!, [
      { name: 'healthy-ssh', address: h[0]!.address, transport: 'ssh', vars },
      { name: 'healthy-exec', address: h[1]!.address, shell: lab!.powershell, vars },
      { name: 'down', address: DOWN },
      { name: 'never-answers', address: SILENT },
      { name: 'sshd-dies', address: h[2]!.address, shell: fakeShell(HANGS) },
      { name: 'powershell-dies', address: h[3]!.address, shell: fakeShell(HANGS) },
      { name: 'streams-forever', address: h[4]!.address, shell: fakeShell('fake-powershell-streams-forever.sh') },
      { name: 'one-huge-line', address: h[5]!.address, shell: fakeShell('fake-powershell-one-huge-line.sh') },
    ], { transport: 'ssh-exec', connectTimeout: '5s' });
    const journalFile = path.join(dir, 'faults.journal.jsonl');
    const scan = scanInventoryFile(file, { checkIds, deadlineMs: 90_000, journalFile });

    // sshd killed mid-scan: the listener and the session's own sshd, once the host has reported a check.
    const onSshdHost = await waitForRemoteShell(h[2]!.dir, HANGS);
    killAll(sshdAbove(onSshdHost, h[2]!.pid));
    // The remote PowerShell killed mid-check (after its first check, while it works on the second).
    killAll([(await waitForRemoteShell(h[3]!.dir, HANGS)).pid]);
    const record = await scan;

    expectFault(hostNamed(record, 'down'), 'unreachable', 'connect-failed', /^connection refused/);
    expectFault(hostNamed(record, 'never-answers'), 'unreachable', 'connect-failed', /^connect timed out/);
    expect(hostNamed(record, 'down').checks.map((c) => c.status)).toEqual(checkIds.map(() => 'not-run'));

    const sshdDies = hostNamed(record, 'sshd-dies');
    expectFault(sshdDies, 'error', 'remote-crash', /^ssh connection lost mid-scan: Connection to 127\.0\.200\.4 closed by remote host\.$/);
    expectFirstCheckKept(sshdDies, checkIds);
    const powershellDies = hostNamed(record, 'powershell-dies');
    expectFault(powershellDies, 'error', 'remote-crash', /^ssh session ended mid-scan with no error text \(exit 255\): the remote PowerShell was killed or the connection dropped$/);
    expectFirstCheckKept(powershellDies, checkIds);

    for (const name of ['streams-forever', 'one-huge-line']) {
      const runaway = hostNamed(record, name);
      expectFault(runaway, 'error', 'output-cap', new RegExp(`^output exceeded the cap of ${CAP} bytes$`));
      expectFirstCheckKept(runaway, checkIds);
    }
    expectHealthy(hostNamed(record, 'healthy-ssh'), checkIds);
    expectHealthy(hostNamed(record, 'healthy-exec'), checkIds);
    expectJournalHoldsEveryHost(journalFile, record);
  }, 240_000);

  it('ends a host just over its deadline as timeout with the check it finished, and lets a host just under it finish ok', async () => {
    const h = lab!.hosts;
    const deadlineMs = 10_000;
    const worksFor = (seconds: number) => `${fakeShell('fake-powershell-works-for.sh')} ${seconds}`;
    const file = writeInventory(path.join(dir, 'deadline.json'), lab!, [
      { name: 'just-under', address: h[0]!.address, shell: worksFor(5) },
      { name: 'just-over', address: h[1]!.address, shell: worksFor(30) },
      { name: 'honest', address: h[0]!.address, shell: fakeShell('fake-powershell-honest.sh') },
    ], { transport: 'ssh-exec' });
    const journalFile = path.join(dir, 'deadline.journal.jsonl');
    const started = Date.now();
    const record = await scanInventoryFile(file, { checkIds, deadlineMs, journalFile });
    const elapsed = Date.now() - started;

    expectAllPass(hostNamed(record, 'just-under'), checkIds);
    const over = hostNamed(record, 'just-over');
    expectFault(over, 'timeout', 'deadline', new RegExp(`^no result within 10 s; stopped after 1 of ${checkIds.length} checks$`));
    expectFirstCheckKept(over, checkIds);
    expect(over.checks[1]?.reason).toBe('host passed its 10 s deadline');
    // The deadline really ends it: not the 30 s it would have taken, and not long past 10 s (a margin for a busy CI box).
    expect(over.durationMs).toBeGreaterThanOrEqual(deadlineMs);
    expect(over.durationMs).toBeLessThan(deadlineMs + 5_000);
    expectAllPass(hostNamed(record, 'honest'), checkIds);
    expectJournalHoldsEveryHost(journalFile, record);
    expect(elapsed).toBeLessThan(deadlineMs + 20_000);
  }, 90_000);

  it('cuts a host that sends 50 MiB in one line at the output cap without the controller ever holding the line', async () => {
    const file = writeInventory(path.join(dir, 'huge-line.json'), lab!, [
      { name: 'one-huge-line', address: lab!.hosts[5]!.address, shell: fakeShell('fake-powershell-one-huge-line.sh') },
    ], { transport: 'ssh-exec' });
    const heap = () => process.memoryUsage().heapUsed;
    const before = heap();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, heap())), 5);
    const record = await scanInventoryFile(file, { checkIds, deadlineMs: 60_000 }).finally(() => clearInterval(sampler));
    peak = Math.max(peak, heap());

    const host = hostNamed(record, 'one-huge-line');
    expectFault(host, 'error', 'output-cap', /^output exceeded the cap of 4194304 bytes$/);
    expectFirstCheckKept(host, checkIds);
    // Buffered whole, the line alone would be 50 MiB of heap (hundreds while it was re-joined per chunk,
    // as it once was); held as chunks and dropped at the 4 MiB cap, it costs a few MiB.
    expect(peak - before).toBeLessThan(16 * 1024 * 1024);
  }, 90_000);
});

// The target's side of a remoting scan, run in the controller's real pwsh worker as a remote session's
// output would arrive there: the first check's frame, then lines without end.
const FLOODS_IN_SESSION = [
  'param([string]$Bundle, [string]$Payload, [string]$StageMarker)',
  '$p = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($Payload)) | ConvertFrom-Json',
  '$first = @($p.checks | Where-Object { $_.report })[0].id',
  "$r = ConvertTo-Json -Compress -InputObject @{ id = $first; status = 'pass'; summary = 'fake result'; evidence = @(); ms = 1 }",
  "Write-Output ($p.marker + ' check ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($r)))",
  "while ($true) { Write-Output ('VERBOSE: runaway line, written again and again ' * 4) }",
].join('\n');

describe('a remoting session that writes without end', () => {
  const worker = new PwshHost({ pwsh: PWSH });
  afterAll(() => worker.close());

  it('is ended by the worker\'s output cap, recorded as output-cap (not a crash), with the check it finished', async () => {
    const host: ResolvedHost = {
      name: 'floods-in-session', address: 'localhost', transport: 'local', port: 0, shell: 'pwsh', subsystem: 'powershell', useSsl: false,
      auth: 'ntlm', skipCertificateCheck: false, lab: true, cloud: 'public', tags: [], connectTimeoutMs: 5000, vars: {},
    };
    const pack = loadPack('mars');
    const checkIds = pack.checks.filter((c) => c.kind === 'host').slice(0, 3).map((c) => c.id);
    const result = await scanHost(host, new WorkerTransport(worker, { script: FLOODS_IN_SESSION, params: () => ({}) }), {
      pack, checkIds, deadlineMs: 90_000, checkBudgetMs: 20_000, bundleFor: packBundles('mars'), signal: new AbortController().signal,
    });
    expectFault(result, 'error', 'output-cap', new RegExp(`^output exceeded the cap of ${CAP} bytes$`));
    expectFirstCheckKept(result, checkIds);
  }, 90_000);
});
