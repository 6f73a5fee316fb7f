import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../src/checks/catalog.js';
import type { ResolvedHost } from '../../src/inventory/schema.js';
import { PwshHost } from '../../src/runner/pwsh-host.js';
import { packBundles } from '../../src/runner/pack-bundles.js';
import { buildPayload, scanHost, type HostScanPlan } from '../../src/runner/scan-host.js';
import { WorkerTransport } from '../../src/runner/transports/worker-transport.js';
import type { Transport } from '../../src/runner/transports/transport.js';
import { planHost } from '../../src/checks/plan.js';
import { PWSH, REPO } from '../helpers/pwsh.js';

const host: ResolvedHost = {
  name: 'fs01', address: '10.0.0.1', transport: 'ssh-exec', port: 22, shell: 'powershell.exe', subsystem: 'powershell',
  useSsl: true, auth: 'ntlm', skipCertificateCheck: false, lab: false, cloud: 'usgov', tags: ['files'], connectTimeoutMs: 5000,
  // Values a hostile inventory could hold: quotes, a here-string end, a subexpression.
  vars: { vaultName: "rsv'; Remove-Item C:\\ -Recurse #", note: "'@\n$(Stop-Computer)" },
};
const plan: HostScanPlan = {
  pack: loadPack('mars'), checkIds: ['mars-dotnet-version', 'mars-clock-skew'], deadlineMs: 60_000, checkBudgetMs: 20_000,
  bundleFor: (staged) => (staged ? { key: 'bundle:mars:staged', text: '# staged bundle' } : { key: 'bundle:mars', text: '# bundle' }),
  signal: new AbortController().signal,
};
const MARKER = '\u001eFS-0011223344556677';
const run = { run: [{ id: 'mars-agent-detect', facts: true, report: false }, { id: 'mars-dotnet-version', facts: false, report: true }], skipped: [] };

describe('buildPayload', () => {
  it('is base64 of the JSON the remote entry point reads, with every field of the protocol', () => {
    const payload = buildPayload(host, plan, run, MARKER, new Date('2026-11-25T08:00:00.000Z'), new Date('2026-11-25T08:00:02.500Z'));
    expect(payload).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(JSON.parse(Buffer.from(payload, 'base64').toString('utf8'))).toEqual({
      host: 'fs01', pack: 'mars', marker: MARKER, cloud: 'usgov', vars: host.vars,
      controllerUtc: '2026-11-25T08:00:00.000Z', controllerSentUtc: '2026-11-25T08:00:02.500Z', checkBudgetMs: 20_000, checks: run.run,
    });
  });

  it('carries data only in its base64 alphabet, so no inventory value can become source text', () => {
    const payload = buildPayload(host, plan, run, MARKER, new Date());
    for (const ch of ["'", '"', '$', '(', '\n', ';', ' ', '@']) expect(payload).not.toContain(ch);
  });
});

describe('scanHost and its bundle', () => {
  it('sends the host the bundle of its own plan, not of the whole pack', async () => {
    const asked: Array<{ staged: boolean; checks: readonly string[] }> = [];
    let sent = '';
    const bundleFor: HostScanPlan['bundleFor'] = (staged, checks) => {
      asked.push({ staged, checks });
      return { key: `bundle:${checks.join(',')}`, text: '# bundle' };
    };
    const transport = {
      scan: async (request: Parameters<Transport['scan']>[0]) => {
        sent = request.bundle.key;
        request.stop.end('connect-failed', 'refused');
      },
    };
    await scanHost(host, transport, { ...plan, bundleFor });
    const planned = planHost(plan.pack, plan.checkIds, host).run.map((r) => r.id);
    expect(asked).toEqual([{ staged: false, checks: planned }]);
    expect(planned).toContain('mars-dotnet-version');
    expect(planned).not.toContain('mars-net-endpoints');
    expect(sent).toBe(`bundle:${planned.join(',')}`);
  });
});

describe('scanHost when the controller worker dies under a host', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fs-retry-'));
  const state = path.join(REPO, 'lab', 'states', '01-fs01-healthy-public.json');
  const workers: PwshHost[] = [];
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  /** A host whose first `crashes` attempts report one check (a fail) and then take the whole worker down as a .NET crash would. */
  async function scanCrashing(crashes: number) {
    const counter = path.join(dir, `crashes-${crashes}`);
    const worker = new PwshHost({ pwsh: PWSH, env: { ...process.env, FLEET_SCAN_STAGED_STATE: state } });
    workers.push(worker);
    const script = [
      'param([string]$Bundle, [string]$Payload, [string]$Counter, [int]$Crashes, [string]$StageMarker)',
      '$done = 0; if (Test-Path -LiteralPath $Counter) { $done = @(Get-Content -LiteralPath $Counter).Count }',
      'if ($done -lt $Crashes) {',
      "    Add-Content -LiteralPath $Counter -Value 'crash'",
      '    $m = (ConvertFrom-Json ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($Payload)))).marker',
      "    $r = '{\"id\":\"mars-dotnet-version\",\"status\":\"fail\",\"summary\":\"from the lost attempt\",\"evidence\":[],\"ms\":1}'",
      "    Write-Output ($m + ' check ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($r)))",
      '    Start-Sleep -Milliseconds 600',
      '    [System.Threading.Thread]::new([System.Threading.ThreadStart]{ 1 }).Start()',
      '    Start-Sleep -Seconds 30',
      '}',
      '. ([scriptblock]::Create($Bundle))',
      'Invoke-FleetScanPack -PayloadBase64 $Payload',
    ].join('\n');
    const transport = new WorkerTransport(worker, { script, params: () => ({ Counter: counter, Crashes: crashes }) });
    const staged = JSON.parse(readFileSync(state, 'utf8')) as { inventory: { vars: Record<string, unknown> } };
    const local: ResolvedHost = { ...host, name: 'fs01', address: '127.0.0.1', cloud: 'public', lab: true, vars: staged.inventory.vars };
    const result = await scanHost(local, transport, { ...plan, deadlineMs: 120_000, bundleFor: packBundles('mars') });
    return { result, spawns: worker.spawns, crashed: existsSync(counter) ? readFileSync(counter, 'utf8').trim().split('\n').length : 0 };
  }

  it('scans the host again, even after it had started reporting, and keeps only the clean attempt', async () => {
    const { result, spawns, crashed } = await scanCrashing(1);
    expect(crashed).toBe(1);
    expect(spawns).toBe(2);
    expect(result.status, result.reason).toBe('ok');
    expect(result.checks.map((c) => [c.id, c.status])).toEqual([['mars-dotnet-version', 'pass'], ['mars-clock-skew', 'pass']]);
  });

  it('survives a second crash too (pwsh aborting on another host\'s broken ssh pipe, twice in a row)', async () => {
    const { result, spawns } = await scanCrashing(2);
    expect(spawns).toBe(3);
    expect(result.status, result.reason).toBe('ok');
    expect(result.checks.map((c) => c.status)).toEqual(['pass', 'pass']);
  });

  it('ends as error after five attempts when the worker keeps dying, with only what the last attempt finished', async () => {
    const { result, crashed } = await scanCrashing(9);
    expect(crashed).toBe(5);
    expect(result.status).toBe('error');
    expect(result.termination.reason).toBe('worker-died');
    expect(result.reason).toMatch(/^controller worker failed: /);
    expect(result.checks.map((c) => [c.status, c.reason])).toEqual([['fail', undefined], ['not-run', 'controller worker died']]);
  });
});
