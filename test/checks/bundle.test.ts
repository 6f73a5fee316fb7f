import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildBundle } from '../../src/checks/bundle.js';
import { loadPack, DEFAULT_ROOT } from '../../src/checks/catalog.js';
import { hostReportSchema, remoteCheckResultSchema } from '../../src/record/check-result.js';
import { fleetReportSchema } from '../../src/record/fleet-report.js';

const run = promisify(execFile);
const pwsh = process.env.FLEET_SCAN_PWSH ?? path.join(DEFAULT_ROOT, '.tools', 'bin', 'pwsh');
const marker = 'FS-0123456789abcdef';
const healthy = path.join(DEFAULT_ROOT, 'test', 'fixtures', 'states', 'healthy-public.json');
let dir: string;
let bundleFile: string;

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64');
}

/** Dot-sources the bundle in a real pwsh and runs one command; returns stdout lines. */
async function pwshLines(command: string, env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  const script = path.join(dir, `run-${Math.random().toString(36).slice(2)}.ps1`);
  writeFileSync(script, `. '${bundleFile}'\n${command}\n`);
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'dumb', NO_COLOR: '1' };
  const { stdout } = await run(pwsh, ['-NoProfile', '-NonInteractive', '-File', script], { env: { ...base, ...env }, maxBuffer: 16 << 20 });
  return stdout.split('\n').map((l) => l.trim()).filter(Boolean);
}

function decode(line: string): { kind: string; body: unknown } {
  const [m, kind, data] = line.split(' ');
  expect(m).toBe(marker);
  return { kind: kind!, body: JSON.parse(Buffer.from(data!, 'base64').toString('utf8')) };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fs-bundle-'));
  bundleFile = path.join(dir, 'bundle.ps1');
  writeFileSync(bundleFile, buildBundle('mars'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('buildBundle', () => {
  it('runs in real pwsh against a staged state and returns a valid host report on the framed line', async () => {
    const payload = { host: 'fs01', pack: 'mars', checks: [], cloud: 'public', controllerUtc: new Date().toISOString(), checkBudgetMs: 20000, marker,
      vars: { vaultName: 'rsv-files', vaultGeoCode: 'weu', plannedBackupBytes: 1e12, vaultCredentialsPath: 'C:\\Deploy\\rsv-files.VaultCredentials' } };
    const lines = await pwshLines(`Invoke-FleetScanPack -PayloadBase64 '${b64(payload)}'`, { FLEET_SCAN_STAGED_STATE: healthy });
    const framed = lines.map(decode);
    const hostChecks = loadPack('mars').checks.filter((c) => c.kind === 'host').map((c) => c.id);
    expect(framed.filter((f) => f.kind === 'check')).toHaveLength(hostChecks.length);
    for (const f of framed.slice(0, -1)) remoteCheckResultSchema.parse(f.body);
    expect(framed.at(-1)?.kind).toBe('report');
    const report = hostReportSchema.parse(framed.at(-1)?.body);
    expect(report.results.map((r) => r.id)).toEqual(hostChecks);
    expect(report.computerName).toBe('FS01');
    expect(report.facts.staged).toBe(true);
    expect(report.results.find((r) => r.id === 'mars-dotnet-version')).toMatchObject({ status: 'pass', evidence: ['.NET release 528449 (4.8) >= 528040'] });
    expect(report.results.filter((r) => r.status === 'fail' || r.status === 'error')).toEqual([]);
  });

  it('defines the staged probes only when FLEET_SCAN_STAGED_STATE is set', async () => {
    const command = `(Get-Command Get-FsOsInfo).Definition -match 'Get-CimInstance'`;
    expect(await pwshLines(command)).toEqual(['True']);
    expect(await pwshLines(command, { FLEET_SCAN_STAGED_STATE: healthy })).toEqual(['False']);
  });

  it('runs the fleet checks and returns a valid fleet report', async () => {
    const hosts = ['fs01', 'fs02'].map((name) => ({ name, cloud: 'public', status: 'ok', vars: { vaultName: 'rsv-files' }, facts: { computerName: 'FS01' } }));
    const lines = await pwshLines(`Invoke-FleetScanFleetChecks -PayloadBase64 '${b64({ marker, pack: 'mars', hosts })}'`);
    expect(lines).toHaveLength(1);
    const { kind, body } = decode(lines[0]!);
    expect(kind).toBe('fleet');
    const report = fleetReportSchema.parse(body);
    expect(report.results.filter((r) => r.id === 'mars-fleet-duplicate-names').map((r) => r.status)).toEqual(['fail', 'fail']);
  });

  it('orders lib, probes, staged probes, pack.json, the checks in pack.json order and the entry point', () => {
    const text = buildBundle('mars');
    const at = (s: string) => text.indexOf(s);
    expect(at('# ---- ps-scripts/lib/Register-FsCheck.ps1')).toBeLessThan(at('# ---- ps-scripts/lib/probes/Get-FsOsInfo.ps1'));
    expect(at('# ---- ps-scripts/lib/probes/Get-FsOsInfo.ps1')).toBeLessThan(at('if ($env:FLEET_SCAN_STAGED_STATE) {'));
    expect(at('if ($env:FLEET_SCAN_STAGED_STATE) {')).toBeLessThan(at('# ---- ps-scripts/lib/fake-staged/Get-FsOsInfo.ps1'));
    expect(at('# ---- ps-scripts/lib/fake-staged/Get-FsOsInfo.ps1')).toBeLessThan(at("Register-FsPack -Json @'"));
    expect(at('# ---- ps-scripts/packs/mars/mars-agent-detect.ps1')).toBeLessThan(at('# ---- ps-scripts/packs/mars/mars-local-admin.ps1'));
    expect(at('# ---- ps-scripts/packs/mars/mars-fleet-vault-capacity.ps1')).toBeLessThan(at('# ---- ps-scripts/entry/Invoke-FleetScanPack.ps1'));
  });

  it('is built once per process', () => {
    expect(buildBundle('mars')).toBe(buildBundle('mars'));
  });
});
