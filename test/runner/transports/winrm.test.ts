// The winrm transport end to end: the real MARS bundle (staged) through a WinRS shell of fake-winrm,
// which answers as Windows does and runs the lab's pwsh for powershell.exe. Addresses 127.64.0.x
// belong to this file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../../src/checks/catalog.js';
import type { ResolvedHost } from '../../../src/inventory/schema.js';
import { packBundles } from '../../../src/runner/pack-bundles.js';
import { scanHost, type HostScanPlan } from '../../../src/runner/scan-host.js';
import { winrmTransport } from '../../../src/runner/transports/winrm.js';
import { HTTP_PORT, HTTPS_PORT, startTestFake, USER, type TestFake } from '../../lab/fake-winrm/helpers/test-fake.js';
import { HEALTHY_STATE, healthyInventoryVars } from '../helpers/scan-lab.js';

const pack = loadPack('mars');
const CHECKS = ['mars-dotnet-version', 'mars-clock-skew', 'mars-powershell-version'];
const ENV = 'FS_TEST_WINRM_PASSWORD';

let dir: string;
let lab: TestFake;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fs-winrm-transport-'));
  lab = await startTestFake(dir, [
    { name: 'win01', address: '127.64.0.1', state: HEALTHY_STATE },
    { name: 'win02', address: '127.64.0.2', state: HEALTHY_STATE, winrm: { behaviour: 'wrong-password' } },
    { name: 'win03', address: '127.64.0.3', state: HEALTHY_STATE, winrm: { behaviour: 'quota' } },
    { name: 'win04', address: '127.64.0.4', state: HEALTHY_STATE, winrm: { behaviour: 'never-answers' } },
    { name: 'win05', address: '127.64.0.5', state: HEALTHY_STATE, winrm: { behaviour: 'bad-certificate' } },
    // Answers every Receive 3 s late: no scan of it can finish within a 2.5 s deadline, however fast pwsh is.
    { name: 'win06', address: '127.64.0.6', state: HEALTHY_STATE, winrm: { behaviour: 'slow' } },
  ]);
}, 120_000);

afterAll(async () => {
  await lab?.fake.close();
  rmSync(dir, { recursive: true, force: true });
});

function host(name: string, address: string, over: Partial<ResolvedHost> = {}): ResolvedHost {
  return {
    name, address, transport: 'winrm', user: USER, port: HTTPS_PORT, shell: 'powershell.exe', subsystem: 'powershell',
    credentialEnv: ENV, useSsl: true, auth: 'ntlm', caFile: lab.lab.caFile, skipCertificateCheck: false, lab: true,
    cloud: 'public', tags: [], connectTimeoutMs: 5000, vars: healthyInventoryVars(), ...over,
  };
}

function plan(deadlineMs = 90_000): HostScanPlan {
  return { pack, checkIds: CHECKS, deadlineMs, checkBudgetMs: 20_000, bundleFor: packBundles('mars'), signal: new AbortController().signal };
}

const scan = (h: ResolvedHost, p = plan()) => scanHost(h, winrmTransport({ secrets: new Map([[ENV, lab.password]]) }), p);

describe('winrmTransport against fake-winrm', () => {
  it.each([
    ['HTTPS with NTLM', {}],
    ['HTTP with NTLM and message encryption', { useSsl: false, port: HTTP_PORT }],
    ['HTTPS with Basic', { auth: 'basic' as const }],
  ])('runs the real pack over %s and every selected check passes', async (_how, over) => {
    const result = await scan(host('win01', '127.64.0.1', over));
    expect(result.status, result.reason).toBe('ok');
    expect(result.termination).toEqual({ reason: 'completed' });
    expect(result.staged).toBe(true);
    expect(result.checks.map((c) => [c.id, c.status])).toEqual(CHECKS.map((id) => [id, 'pass']));
  }, 120_000);

  it('the clock check measures against the controller clock stamped as the payload left, after the shell existed', async () => {
    const before = Date.now();
    const result = await scan(host('win01', '127.64.0.1'));
    const clock = result.checks.find((c) => c.id === 'mars-clock-skew')!;
    expect(clock.status).toBe('pass');
    const stamp = clock.evidence.join('\n').match(/against (\S+) \(controller, as it sent the payload\)/);
    expect(stamp, clock.evidence.join(' | ')).not.toBeNull();
    expect(Date.parse(stamp![1]!)).toBeGreaterThan(before);
  }, 120_000);

  it('a wrong password is unreachable with the scheme named, and the password appears nowhere in the result', async () => {
    const result = await scan(host('win02', '127.64.0.2'));
    expect(result.status).toBe('unreachable');
    expect(result.termination.reason).toBe('connect-failed');
    expect(result.reason).toMatch(/authentication failed \(NTLM\)/);
    expect(JSON.stringify(result)).not.toContain(lab.password);
  }, 60_000);

  it("the per-user shell quota is unreachable with the WSManFault's code and words", async () => {
    const result = await scan(host('win03', '127.64.0.3'));
    expect(result.status).toBe('unreachable');
    expect(result.reason).toMatch(/^WSManFault 2150859173: .*maximum number of \d+ concurrent shells/);
  }, 60_000);

  it('a host that accepts TCP and never answers is unreachable within the connect timeout, far inside the deadline', async () => {
    const started = Date.now();
    const result = await scan(host('win04', '127.64.0.4', { connectTimeoutMs: 2000 }));
    expect(result.status).toBe('unreachable');
    expect(result.reason).toMatch(/did not finish within 2 s|never answered/);
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);

  it('a certificate the CA file does not vouch for is unreachable, naming the certificate problem', async () => {
    const result = await scan(host('win05', '127.64.0.5'));
    expect(result.status).toBe('unreachable');
    expect(result.reason).toMatch(/certificate/i);
  }, 60_000);

  it('a host with no password to use is unreachable and names the variable, without trying to connect', async () => {
    const result = await scanHost(host('win01', '127.64.0.1'), winrmTransport({ secrets: new Map() }), plan());
    expect(result.status).toBe('unreachable');
    expect(result.reason).toBe(`no password: environment variable ${ENV} is not set (and no terminal to ask on)`);
  });

  it('the deadline ends a slow scan as timeout, and the fake has no shell or process of it left', async () => {
    const result = await scan(host('win06', '127.64.0.6'), { ...plan(2500), checkIds: pack.checks.filter((c) => c.kind === 'host').map((c) => c.id) });
    expect(result.status).toBe('timeout');
    expect(result.termination.reason).toBe('deadline');
    expect(await waitFor(() => lab.fake.shellCount('win06') === 0, 15_000)).toBe(true);
  }, 60_000);
});

async function waitFor(test: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (test()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return test();
}
