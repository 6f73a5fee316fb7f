import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildBundle, bundleParts, readBundleManifest } from '../../src/checks/bundle.js';
import { loadPack, DEFAULT_ROOT } from '../../src/checks/catalog.js';
import { hostReportSchema, remoteCheckResultSchema } from '../../src/record/check-result.js';
import { fleetReportSchema } from '../../src/record/fleet-report.js';

const run = promisify(execFile);
const pwsh = process.env.FLEET_SCAN_PWSH ?? path.join(DEFAULT_ROOT, '.tools', 'bin', 'pwsh');
const marker = '\u001eFS-0123456789abcdef';
const healthy = path.join(DEFAULT_ROOT, 'test', 'fixtures', 'states', 'healthy-public.json');
const vars = { vaultName: 'rsv-files', vaultGeoCode: 'weu', plannedBackupBytes: 1e12, vaultCredentialsPath: 'C:\\Deploy\\rsv-files.VaultCredentials' };
let dir: string;
const files: Record<'staged' | 'real', string> = { staged: '', real: '' };

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64');
}

/** Dot-sources a bundle in a real pwsh and runs one command; returns stdout lines. */
async function pwshLines(bundle: 'staged' | 'real', command: string, env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  const script = path.join(dir, `run-${Math.random().toString(36).slice(2)}.ps1`);
  writeFileSync(script, `. '${files[bundle]}'\n${command}\n`);
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'dumb', NO_COLOR: '1' };
  const { stdout } = await run(pwsh, ['-NoProfile', '-NonInteractive', '-File', script], { env: { ...base, ...env }, maxBuffer: 16 << 20 });
  return stdout.split('\n').map((l) => l.trim()).filter(Boolean);
}

function decode(line: string): { kind: string; body: unknown } {
  const [m, kind, data] = line.split(' ');
  expect(m).toBe(marker);
  return { kind: kind!, body: JSON.parse(Buffer.from(data!, 'base64').toString('utf8')) };
}

function hostPayload(checks: { id: string; facts: boolean; report: boolean }[]) {
  return { host: 'fs01', pack: 'mars', marker, cloud: 'public', vars, controllerUtc: new Date().toISOString(), checkBudgetMs: 20000, checks };
}

/** Names of the functions the .ps1 files of one ps-scripts/ folder define. */
function functionNames(folder: string): Set<string> {
  const at = path.join(DEFAULT_ROOT, 'ps-scripts', folder);
  const names = readdirSync(at).filter((f) => f.endsWith('.ps1'))
    .flatMap((f) => [...readFileSync(path.join(at, f), 'utf8').matchAll(/^function\s+([A-Za-z0-9-]+)/gm)].map((m) => m[1]!));
  return new Set(names);
}

const hostChecks = loadPack('mars').checks.filter((c) => c.kind === 'host');

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fs-bundle-'));
  for (const kind of ['staged', 'real'] as const) {
    files[kind] = path.join(dir, `${kind}.ps1`);
    writeFileSync(files[kind], buildBundle('mars', { staged: kind === 'staged' }));
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('buildBundle', () => {
  it('a staged bundle runs the listed checks in real pwsh against a staged state and returns a valid host report on the framed line', async () => {
    const payload = hostPayload(hostChecks.map((c) => ({ id: c.id, facts: c.tags.includes('facts'), report: true })));
    const lines = await pwshLines('staged', `Invoke-FleetScanPack -PayloadBase64 '${b64(payload)}'`, { FLEET_SCAN_STAGED_STATE: healthy });
    const framed = lines.map(decode);
    expect(framed.filter((f) => f.kind === 'check')).toHaveLength(hostChecks.length);
    for (const f of framed.slice(0, -1)) remoteCheckResultSchema.parse(f.body);
    expect(framed.at(-1)?.kind).toBe('report');
    const report = hostReportSchema.parse(framed.at(-1)?.body);
    expect(report.results.map((r) => r.id)).toEqual(hostChecks.map((c) => c.id));
    expect(report.computerName).toBe('FS01');
    expect(report.facts.staged).toBe(true);
    expect(report.results.find((r) => r.id === 'mars-dotnet-version')).toMatchObject({ status: 'pass', evidence: ['.NET release 528449 (4.8) >= 528040'] });
    expect(report.results.filter((r) => r.status === 'fail' || r.status === 'error')).toEqual([]);
  });

  it('a real host\'s bundle holds no staged file, no staged-only function name and no FLEET_SCAN_STAGED_STATE', () => {
    const text = buildBundle('mars', { staged: false });
    const real = new Set([...functionNames('lib'), ...functionNames('lib/engine'), ...functionNames('lib/probes')]);
    const stagedOnly = [...functionNames('lib/fake-staged'), ...functionNames('lib/engine/fake-staged')].filter((n) => !real.has(n));
    expect(stagedOnly).toContain('Get-FsStagedState');
    for (const name of stagedOnly) expect(text, name).not.toContain(name);
    expect(text).not.toContain('FLEET_SCAN_STAGED_STATE');
    expect(text).not.toContain('fake-staged');
    expect(text).toContain('# ---- ps-scripts/lib/probes/Get-FsOsInfo.ps1');
  });

  it('a staged bundle defines the staged probes without any environment test, and a real one the real probes even on a lab host', async () => {
    const command = `(Get-Command Get-FsOsInfo).Definition -match 'Get-CimInstance'`;
    expect(await pwshLines('staged', command)).toEqual(['False']);
    expect(await pwshLines('real', command, { FLEET_SCAN_STAGED_STATE: healthy })).toEqual(['True']);
    expect(buildBundle('mars', { staged: true })).not.toMatch(/if \(\$env:FLEET_SCAN_STAGED_STATE/);
  });

  it('a real host\'s bundle reports staged false', async () => {
    const lines = await pwshLines('real', `Invoke-FleetScanPack -PayloadBase64 '${b64(hostPayload([]))}'`, { FLEET_SCAN_STAGED_STATE: healthy });
    expect(lines).toHaveLength(1);
    const report = hostReportSchema.parse(decode(lines[0]!).body);
    expect(report.facts.staged).toBe(false);
    expect(report.results).toEqual([]);
  });

  it('runs the listed fleet checks over their hosts and returns a valid fleet report', async () => {
    const hosts = ['fs01', 'fs02'].map((name) => ({ name, cloud: 'public', status: 'ok', vars: { vaultName: 'rsv-files' }, facts: { computerName: 'FS01' } }));
    const payload = { marker, pack: 'mars', hosts, checks: [{ id: 'mars-fleet-duplicate-names', hosts: [0, 1] }] };
    const lines = await pwshLines('real', `Invoke-FleetScanFleetChecks -PayloadBase64 '${b64(payload)}'`);
    expect(lines).toHaveLength(1);
    const { kind, body } = decode(lines[0]!);
    expect(kind).toBe('fleet');
    const report = fleetReportSchema.parse(body);
    expect(report.results.map((r) => `${r.id} ${r.host} ${r.status}`)).toEqual(['mars-fleet-duplicate-names fs01 fail', 'mars-fleet-duplicate-names fs02 fail']);
  });

  it('orders the sections as ps-scripts/bundle.json lists them, the checks in pack.json order', () => {
    const text = buildBundle('mars', { staged: true });
    const at = (s: string) => {
      const i = text.indexOf(s);
      expect(i, s).toBeGreaterThanOrEqual(0);
      return i;
    };
    const order = [
      '# ---- ps-scripts/lib/Register-FsCheck.ps1',
      '# ---- ps-scripts/lib/engine/Invoke-FsCheckRun.ps1',
      '# ---- ps-scripts/lib/probes/Get-FsOsInfo.ps1',
      '# ---- ps-scripts/lib/fake-staged/Get-FsOsInfo.ps1',
      '# ---- ps-scripts/lib/engine/fake-staged/Initialize-FsProbeLibrary.ps1',
      "Register-FsPack -Json @'",
      '# ---- ps-scripts/packs/mars/mars-agent-detect.ps1',
      '# ---- ps-scripts/packs/mars/mars-local-admin.ps1',
      '# ---- ps-scripts/packs/mars/mars-fleet-vault-capacity.ps1',
      '# ---- ps-scripts/entry/Invoke-FleetScanPack.ps1',
    ].map(at);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(readBundleManifest().sections).toContainEqual({ folder: 'lib/fake-staged', staged: true });
  });

  it('holds exactly the files the Pester harness loads from the same manifest, in the same order', async () => {
    const helper = path.join(DEFAULT_ROOT, 'test', 'ps-scripts', 'helpers', 'Get-FsTestBundleFile.ps1');
    const script = `$FsRepoRoot = '${DEFAULT_ROOT}'; . '${helper}'; Get-FsTestBundleFile -Staged -Pack mars | Where-Object Kind -eq 'script' | ForEach-Object { $_.Path.Substring($FsRepoRoot.Length + 1) }`;
    const { stdout } = await run(pwsh, ['-NoProfile', '-NonInteractive', '-Command', script], { env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'dumb' } });
    const loaded = stdout.split('\n').map((l) => l.trim()).filter(Boolean);
    // Read afresh (buildBundle caches): another change to ps-scripts/ may land while this file runs.
    const bundled = bundleParts('mars', { staged: true }).filter((p) => p.kind === 'script').map((p) => p.file);
    expect(loaded.length).toBeGreaterThan(100);
    expect(loaded).toEqual(bundled);
  });

  it('builds the bundle from its parts: a marker line per script, pack.json registered in the pack\'s place', () => {
    const text = buildBundle('mars', { staged: true });
    const parts = bundleParts('mars', { staged: true });
    const pieces = [...text.matchAll(/^(?:# ---- (.+)|Register-FsPack -Json @')$/gm)].map((m) => m[1] ?? 'pack');
    expect(pieces).toEqual(parts.map((p) => (p.kind === 'pack' ? 'pack' : p.file)));
    expect(parts.find((p) => p.kind === 'pack')?.file).toBe('ps-scripts/packs/mars/pack.json');
  });

  it('names ps-scripts/bundle.json and the field in one line when the manifest is wrong', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'fs-bundle-root-'));
    try {
      mkdirSync(path.join(root, 'ps-scripts'));
      writeFileSync(path.join(root, 'ps-scripts', 'bundle.json'), JSON.stringify({ about: 'x', sections: [{ folder: '../outside' }] }));
      expect(() => readBundleManifest(root)).toThrow(/^ps-scripts\/bundle\.json: sections\.0\.folder: [^\n]+$/);
      writeFileSync(path.join(root, 'ps-scripts', 'bundle.json'), '{ "about": ');
      expect(() => readBundleManifest(root)).toThrow(/^ps-scripts\/bundle\.json: [^\n]+$/);
      writeFileSync(path.join(root, 'ps-scripts', 'bundle.json'), JSON.stringify({ about: 'x', sections: [{ folder: 'lib/missing' }] }));
      expect(() => bundleParts('mars', { staged: false, root })).toThrow('ps-scripts/bundle.json: folder lib/missing does not exist');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a bundle for some checks holds those checks, both entry points and only the helpers they reach', () => {
    const text = buildBundle('mars', { staged: false, checks: ['mars-os-server-core'] });
    const files = [...text.matchAll(/^# ---- (.+)$/gm)].map((m) => m[1]!);
    expect(files.filter((f) => f.includes('/packs/'))).toEqual(['ps-scripts/packs/mars/mars-os-server-core.ps1']);
    expect(files).toContain('ps-scripts/entry/Invoke-FleetScanPack.ps1');
    expect(files).toContain('ps-scripts/entry/Invoke-FleetScanFleetChecks.ps1');
    expect(files).toContain('ps-scripts/lib/probes/Get-FsOsInfo.ps1');
    expect(files).not.toContain('ps-scripts/lib/probes/Test-FsEndpointSet.ps1');
    expect(files).not.toContain('ps-scripts/lib/Register-FsCheck.ps1');
    expect(files.length).toBeLessThan(bundleParts('mars', { staged: false }).length / 3);
  });

  it('a staged bundle for some checks leaves out each real probe its staged twin replaces', () => {
    const text = buildBundle('mars', { staged: true, checks: ['mars-os-server-core'] });
    expect(text).toContain('# ---- ps-scripts/lib/fake-staged/Get-FsOsInfo.ps1');
    expect(text).not.toContain('# ---- ps-scripts/lib/probes/Get-FsOsInfo.ps1');
    expect(text).toContain('function Get-FsStagedState');
  });

  it('sends a target no metadata JSON, no comment-based help and of pack.json only names, version and defaults', () => {
    for (const text of [buildBundle('mars', { staged: true }), buildBundle('mars', { staged: false, checks: ['mars-clock-skew'] })]) {
      expect(text).not.toContain('$FsCheckMetadata');
      expect(text).not.toMatch(/^\s*\.SYNOPSIS/m);
      expect(text).not.toContain('"description"');
      expect(text).toContain("Register-FsBundledCheck 'mars-clock-skew' 'host' 'Test-MarsClockSkew'");
      const manifest = /^Register-FsPack -Json @'\n([\s\S]*?)\n'@$/m.exec(text)?.[1];
      expect(JSON.parse(manifest!).vars.clockSkewFailSeconds).toEqual({ default: 300 });
      expect(Object.keys(JSON.parse(manifest!))).toEqual(['name', 'version', 'vars']);
    }
  });

  it('a bundle for some checks runs them in real pwsh and reports exactly them', async () => {
    const file = path.join(dir, 'some.ps1');
    writeFileSync(file, buildBundle('mars', { staged: true, checks: ['mars-agent-detect', 'mars-dotnet-version'] }));
    const payload = hostPayload([{ id: 'mars-agent-detect', facts: true, report: false }, { id: 'mars-dotnet-version', facts: false, report: true }]);
    const script = path.join(dir, 'some-run.ps1');
    writeFileSync(script, `. '${file}'\nInvoke-FleetScanPack -PayloadBase64 '${b64(payload)}'\n`);
    const { stdout } = await run(pwsh, ['-NoProfile', '-NonInteractive', '-File', script], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'dumb', NO_COLOR: '1', FLEET_SCAN_STAGED_STATE: healthy },
    });
    const framed = stdout.split('\n').map((l) => l.trim()).filter(Boolean).map(decode);
    expect(framed.map((f) => f.kind)).toEqual(['check', 'report']);
    const report = hostReportSchema.parse(framed[1]!.body);
    expect(report.results.map((r) => `${r.id} ${r.status}`)).toEqual(['mars-dotnet-version pass']);
  });

  it('refuses a check the pack does not have, in one line', () => {
    expect(() => buildBundle('mars', { staged: false, checks: ['mars-no-such-check'] })).toThrow(/^bundle for pack mars: no check mars-no-such-check$/);
  });

  it('is built once per process and kind', () => {
    expect(buildBundle('mars', { staged: false })).toBe(buildBundle('mars', { staged: false }));
    expect(buildBundle('mars', { staged: true })).not.toBe(buildBundle('mars', { staged: false }));
  });
});
