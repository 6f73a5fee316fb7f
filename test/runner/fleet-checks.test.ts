// The fleet-side checks in a real pwsh worker with the real bundle: the one applicability rule, and the
// stop stage (Ctrl-C, the deadline) ending them like any host.
import { afterEach, describe, expect, it } from 'vitest';
import { loadPack } from '../../src/checks/catalog.js';
import type { ResolvedHost } from '../../src/inventory/schema.js';
import type { HostResult } from '../../src/record/run-record.js';
import { runFleetChecks, type FleetCheckOptions } from '../../src/runner/fleet-checks.js';
import { PwshHost } from '../../src/runner/pwsh-host.js';
import { packBundles } from '../../src/runner/pack-bundles.js';
import { hostIdentity } from '../../src/runner/scan-host.js';
import { PWSH } from '../helpers/pwsh.js';

const pack = loadPack('mars');
const FLEET = ['mars-fleet-duplicate-names', 'mars-fleet-vault-capacity'];

function host(name: string, vars: Record<string, unknown>): ResolvedHost {
  return {
    name, address: name, transport: 'ssh', port: 22, shell: 'powershell.exe', subsystem: 'powershell', useSsl: true,
    auth: 'ntlm', skipCertificateCheck: false, lab: false, cloud: 'public', tags: [], connectTimeoutMs: 5000, vars,
  };
}

function ok(h: ResolvedHost, computerName: string): HostResult {
  return { ...hostIdentity(h), status: 'ok', termination: { reason: 'completed' }, computerName, checks: [] };
}

// A fleet check that waits a minute: what Ctrl-C and the deadline must cut short.
const slowBundle = () => {
  const real = packBundles('mars')(false, FLEET);
  return { key: 'bundle:mars:slow', text: `${real.text}\nfunction Test-MarsFleetDuplicateNames { param($Hosts) Start-Sleep -Seconds 60 }\n` };
};

let worker: PwshHost | undefined;
afterEach(async () => {
  await worker?.close();
  worker = undefined;
});

function options(over: Partial<FleetCheckOptions>): FleetCheckOptions {
  worker ??= new PwshHost({ pwsh: PWSH });
  const hosts = [host('fs01', { vaultName: 'rsv-a' }), host('fs02', { vaultName: 'rsv-a' })];
  return {
    worker, bundle: packBundles('mars')(false, FLEET), pack, checkIds: FLEET, hosts,
    results: [ok(hosts[0]!, 'FS01'), ok(hosts[1]!, 'FS01')], signal: new AbortController().signal, deadlineMs: 60_000, ...over,
  };
}

describe('runFleetChecks', () => {
  it('judges the fleet: two hosts of one name in one vault fail the duplicate-names check', async () => {
    const o = options({});
    await runFleetChecks(o);
    expect(o.results.map((r) => r.checks.find((c) => c.id === 'mars-fleet-duplicate-names')?.status)).toEqual(['fail', 'fail']);
  }, 60_000);

  it('skips a registration-phase fleet check under phase=install, with the same reason a host check gets', async () => {
    const hosts = [host('fs01', { vaultName: 'rsv-a', phase: 'install' }), host('fs02', { vaultName: 'rsv-a', phase: 'install' })];
    const o = options({ hosts, results: hosts.map((h) => ok(h, 'FS01')) });
    await runFleetChecks(o);
    for (const r of o.results) {
      expect(r.checks.map((c) => [c.id, c.status, c.reason])).toEqual(FLEET.map((id) => [id, 'skipped', "registration-phase check; this run's phase is install"]));
    }
    // Nothing applied, so nothing ran: no pwsh was started for it.
    expect(worker!.pid).toBeUndefined();
  });

  it('a run interrupted before the fleet checks gives them not-run at once, never pass', async () => {
    const run = new AbortController();
    run.abort();
    const o = options({ signal: run.signal });
    await runFleetChecks(o);
    for (const r of o.results) expect(r.checks.map((c) => c.status)).toEqual(['not-run', 'not-run']);
  });

  it('Ctrl-C during a slow fleet check ends it within seconds as not-run', async () => {
    const run = new AbortController();
    const o = options({ signal: run.signal, bundle: slowBundle() });
    setTimeout(() => run.abort(), 3000);
    const started = Date.now();
    await runFleetChecks(o);
    expect(Date.now() - started).toBeLessThan(20_000);
    for (const r of o.results) expect(r.checks.map((c) => [c.id, c.status, c.reason])).toEqual(FLEET.map((id) => [id, 'not-run', 'run interrupted']));
  }, 60_000);

  it('a fleet check past its deadline is an error that says so, on every host', async () => {
    const o = options({ deadlineMs: 4000, bundle: slowBundle() });
    await runFleetChecks(o);
    for (const r of o.results) {
      expect(r.checks.map((c) => c.status)).toEqual(['error', 'error']);
      expect(r.checks[0]?.summary).toBe('fleet check failed: fleet checks passed their 4 s deadline');
    }
  }, 60_000);
});

describe('runFleetChecks payload', () => {
  it('sends each host once, with only the vars the fleet checks require or read and the pack defaults filled in', async () => {
    let payload: { hosts: Array<{ name: string; vars: Record<string, unknown> }>; checks: Array<{ id: string; hosts: number[] }> } | undefined;
    const capture = {
      setBlob: () => undefined,
      run: async (_script: string, run: { params?: Record<string, string> }) => {
        payload = JSON.parse(Buffer.from(run.params!.Payload!, 'base64').toString('utf8'));
        return { output: [], errors: ['captured'] };
      },
      restart: () => undefined,
    } as unknown as PwshHost;
    const hosts = [
      host('fs01', { vaultName: 'rsv-a', installAccount: 'CONTOSO\\svc', proxy: 'http://proxy:8080', alreadyRegisteredCount: 7 }),
      host('fs02', { vaultName: 'rsv-a', vaultGeoCode: 'weu' }),
    ];
    await runFleetChecks({
      worker: capture, bundle: { key: 'k', text: '' }, pack, checkIds: FLEET, hosts,
      results: [ok(hosts[0]!, 'FS01'), ok(hosts[1]!, 'FS02')], signal: new AbortController().signal, deadlineMs: 60_000,
    });
    expect(payload!.hosts.map((h) => [h.name, h.vars])).toEqual([
      ['fs01', { vaultName: 'rsv-a', alreadyRegisteredCount: 7, vaultMachineLimit: 50 }],
      ['fs02', { vaultName: 'rsv-a', alreadyRegisteredCount: 0, vaultMachineLimit: 50 }],
    ]);
    expect(payload!.checks).toEqual(FLEET.map((id) => ({ id, hosts: [0, 1] })));
  });
});

describe('runFleetChecks in batches of whole vaults', () => {
  type Payload = { hosts: Array<{ name: string; vars: Record<string, unknown> }>; checks: Array<{ id: string; hosts: number[] }> };
  /** A worker that records each request's payload and answers with no report. */
  function recorder(): { worker: PwshHost; payloads: Payload[] } {
    const payloads: Payload[] = [];
    const worker = {
      setBlob: () => undefined,
      run: async (_script: string, run: { params?: Record<string, string> }) => {
        payloads.push(JSON.parse(Buffer.from(run.params!.Payload!, 'base64').toString('utf8')));
        return { output: [], errors: ['recorded'] };
      },
      restart: () => undefined,
    } as unknown as PwshHost;
    return { worker, payloads };
  }

  it('never splits a vault (names compared case-insensitively), keeps each request within the batch size unless one vault is larger, and sends every host once', async () => {
    const vaults = [['rsv-a', 30], ['rsv-b', 30], ['RSV-A', 5], ['rsv-big', 70], ['rsv-c', 10]] as const;
    const hosts = vaults.flatMap(([vault, n]) => Array.from({ length: n }, (_, i) => host(`${vault}-${i}`, { vaultName: vault })));
    const { worker, payloads } = recorder();
    await runFleetChecks({ worker, bundle: { key: 'k', text: '' }, pack, checkIds: FLEET, hosts, results: hosts.map((h) => ok(h, h.name)), signal: new AbortController().signal, deadlineMs: 60_000, batchHosts: 40 });
    const vaultsOf = (p: Payload): string[] => [...new Set(p.hosts.map((h) => String(h.vars.vaultName).toLowerCase()))].sort();
    expect(payloads.map(vaultsOf)).toEqual([['rsv-a'], ['rsv-b'], ['rsv-big'], ['rsv-c']]);
    expect(payloads.map((p) => p.hosts.length)).toEqual([35, 30, 70, 10]);
    expect(payloads.flatMap((p) => p.hosts.map((h) => h.name)).sort()).toEqual(hosts.map((h) => h.name).sort());
    // Both MARS fleet checks group by vault: they share the requests, each listing every host of it.
    for (const p of payloads) expect(p.checks).toEqual(FLEET.map((id) => ({ id, hosts: p.hosts.map((_, i) => i) })));
  });

  it('fills a request with several small vaults up to the batch size', async () => {
    const hosts = Array.from({ length: 100 }, (_, i) => host(`fs${i}`, { vaultName: `rsv-${Math.floor(i / 10)}` }));
    const { worker, payloads } = recorder();
    await runFleetChecks({ worker, bundle: { key: 'k', text: '' }, pack, checkIds: FLEET, hosts, results: hosts.map((h) => ok(h, h.name)), signal: new AbortController().signal, deadlineMs: 60_000, batchHosts: 45 });
    expect(payloads.map((p) => p.hosts.length)).toEqual([40, 40, 20]);
  });

  it('a request that fails gives its own hosts an error that says why; the other vaults keep their verdicts', async () => {
    // The real entry point, except that the vault rsv-crash makes the request fail before any report is written.
    const real = packBundles('mars')(false, FLEET);
    const crashing = {
      key: 'bundle:mars:crash-one-vault',
      text: `${real.text}\n$FsRealFleetEntry = \${function:Invoke-FleetScanFleetChecks}\nfunction Invoke-FleetScanFleetChecks { param([string]$PayloadBase64, $Payload) if ($Payload['hosts'][0]['vars']['vaultName'] -eq 'rsv-crash') { throw 'fleet request lost' }; & $FsRealFleetEntry -Payload $Payload }\n`,
    };
    const hosts = ['rsv-a', 'rsv-crash', 'rsv-b'].flatMap((vault) => [host(`${vault}-1`, { vaultName: vault }), host(`${vault}-2`, { vaultName: vault })]);
    const results = hosts.map((h) => ok(h, h.name.toUpperCase()));
    await runFleetChecks(options({ hosts, results, bundle: crashing, batchHosts: 2 }));
    expect(results.map((r) => [r.name, ...r.checks.map((c) => c.status)])).toEqual([
      ['rsv-a-1', 'pass', 'pass'], ['rsv-a-2', 'pass', 'pass'],
      ['rsv-crash-1', 'error', 'error'], ['rsv-crash-2', 'error', 'error'],
      ['rsv-b-1', 'pass', 'pass'], ['rsv-b-2', 'pass', 'pass'],
    ]);
    expect(results[2]!.checks[0]!.reason).toBe('fleet request lost');
    expect(results[2]!.checks[0]!.summary).toBe('fleet check failed: fleet request lost');
  }, 60_000);

  it('a deadline in the middle of the batches ends the rest as errors that say so, and keeps the verdicts already judged', async () => {
    // The second vault's request sleeps past the deadline.
    const real = packBundles('mars')(false, FLEET);
    const slowSecond = {
      key: 'bundle:mars:slow-second-vault',
      text: `${real.text}\n$FsRealFleetEntry = \${function:Invoke-FleetScanFleetChecks}\nfunction Invoke-FleetScanFleetChecks { param([string]$PayloadBase64, $Payload) if ($Payload['hosts'][0]['vars']['vaultName'] -eq 'rsv-slow') { Start-Sleep -Seconds 60 }; & $FsRealFleetEntry -Payload $Payload }\n`,
    };
    const hosts = ['rsv-a', 'rsv-slow', 'rsv-b'].map((vault) => host(`${vault}-1`, { vaultName: vault }));
    const results = hosts.map((h) => ok(h, h.name.toUpperCase()));
    await runFleetChecks(options({ hosts, results, bundle: slowSecond, batchHosts: 1, deadlineMs: 8000 }));
    expect(results.map((r) => [r.name, ...r.checks.map((c) => c.status)])).toEqual([['rsv-a-1', 'pass', 'pass'], ['rsv-slow-1', 'error', 'error'], ['rsv-b-1', 'error', 'error']]);
    expect(results[2]!.checks[1]!.summary).toBe('fleet check failed: fleet checks passed their 8 s deadline');
  }, 60_000);
});

describe('runFleetChecks on a fleet whose report outgrows the worker\'s output cap', () => {
  it('gives every host its verdicts: the request\'s cap follows the fleet (20,000 hosts write some 11 MB)', async () => {
    // A worker capped at 64 KiB stands in for the 4 MiB default against 20,000 hosts: 400 hosts write some 200 KB.
    const small = new PwshHost({ pwsh: PWSH, maxOutputBytes: 64 * 1024 });
    try {
      const hosts = Array.from({ length: 400 }, (_, i) => host(`fs${i}`, { vaultName: `rsv-${Math.floor(i / 50)}` }));
      const results = hosts.map((h) => ok(h, h.name.toUpperCase()));
      await runFleetChecks({ worker: small, bundle: packBundles('mars')(false, FLEET), pack, checkIds: FLEET, hosts, results, signal: new AbortController().signal, deadlineMs: 120_000 });
      expect(new Set(results.flatMap((r) => r.checks.map((c) => c.status)))).toEqual(new Set(['pass']));
      expect(results.every((r) => r.checks.length === FLEET.length)).toBe(true);
      expect(small.spawns).toBe(1);
    } finally {
      await small.close();
    }
  }, 120_000);
});
