import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadPack, listPacks, checkFunctionName, PackError, DEFAULT_ROOT } from '../../src/checks/catalog.js';
import { checkMetadataSchema } from '../../src/record/check-metadata.js';

// The MARS pack's checks in the order pack.json runs them: the fact probe, then checks 1..30.
const REFERENCE_IDS = [
  'mars-agent-detect', 'mars-local-admin', 'mars-os-supported', 'mars-os-server-core', 'mars-dotnet-version',
  'mars-powershell-version', 'mars-os-updates', 'mars-vcredist-2008r2', 'mars-install-dir-attributes', 'mars-cache-folder',
  'mars-cache-free-space', 'mars-antivirus-exclusions', 'mars-tls12-schannel', 'mars-tls12-dotnet', 'mars-tls12-legacy-os',
  'mars-agent-installed', 'mars-agent-version', 'mars-clock-skew', 'mars-windows-temp-files', 'mars-vault-credentials-file',
  'mars-existing-registration', 'mars-scratch-kek', 'mars-azure-tools-cert', 'mars-proxy-config', 'mars-ie-file-download',
  'mars-net-endpoints', 'mars-net-ncsi', 'mars-private-endpoint-dns', 'mars-logs-known-errors', 'mars-fleet-duplicate-names',
  'mars-fleet-vault-capacity',
];

function writePack(root: string, name: string, files: Record<string, string>): void {
  const dir = path.join(root, 'ps-scripts', 'packs', name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
}

function checkFile(meta: string, fn = 'Test-BadCheck'): string {
  return `<#\n.SYNOPSIS\n    x\n#>\n$FsCheckMetadata = @'\n${meta}\n'@\n\nfunction ${fn} {\n    param($Context)\n}\n\nRegister-FsCheck -Metadata $FsCheckMetadata -Function '${fn}'\n`;
}

const goodMeta = JSON.stringify({
  id: 'bad-check', title: 'A test check', failure: 'The test check is unhappy', phase: 'both', clouds: ['public'], severity: 'warn', kind: 'host',
  description: 'A check for the catalogue tests.', remediation: 'Nothing to do here.', source: 'https://example.com/', tags: [], requires: [],
});

describe('loadPack (mars)', () => {
  const pack = loadPack('mars');

  it('has every check of the reference catalogue, in catalogue order', () => {
    expect(pack.checks.map((c) => c.id)).toEqual(REFERENCE_IDS);
  });

  it('has metadata that validates, with a non-empty remediation and an https source', () => {
    for (const check of pack.checks) {
      expect(checkMetadataSchema.safeParse(check).success, check.id).toBe(true);
      expect(check.remediation.trim().length, check.id).toBeGreaterThan(20);
      expect(check.source, check.id).toMatch(/^https:\/\//);
    }
  });

  it('marks only the two controller-side checks as fleet checks', () => {
    expect(pack.checks.filter((c) => c.kind === 'fleet').map((c) => c.id)).toEqual(['mars-fleet-duplicate-names', 'mars-fleet-vault-capacity']);
  });

  it('runs mars-private-endpoint-dns in every cloud: with private endpoints, only it probes Backup and Storage', () => {
    expect(pack.checks.find((c) => c.id === 'mars-private-endpoint-dns')?.clouds).toEqual(['public', 'china', 'usgov']);
  });

  it('declares in pack.json every var a check requires', () => {
    for (const check of pack.checks) for (const v of check.requires) expect(pack.vars, `${check.id} requires ${v}`).toHaveProperty(v);
    expect(pack.checks.find((c) => c.id === 'mars-vault-credentials-file')?.requires).toEqual(['vaultCredentialsPath']);
  });

  it('reads name, version, title and var defaults from pack.json', () => {
    expect(pack.name).toBe('mars');
    expect(pack.version).toBe('1.0.0');
    expect(pack.vars.clockSkewFailSeconds?.default).toBe(300);
    expect(pack.vars.endpointTimeoutMs?.default).toBe(5000);
  });

  it('is listed by listPacks', () => {
    expect(listPacks()).toContain('mars');
  });
});

describe('loadPack errors', () => {
  /** Loads a pack from a throw-away root and returns what it threw. */
  function loadError(files: Record<string, string>, checks = ['bad-check']): unknown {
    const root = mkdtempSync(path.join(tmpdir(), 'fs-catalog-'));
    writePack(root, 'bad', { 'pack.json': JSON.stringify({ name: 'bad', version: '1.0.0', title: 'Bad pack', checks, vars: {} }), ...files });
    try {
      loadPack('bad', { root });
      return undefined;
    } catch (error) {
      return error;
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }

  it('names the file in one line when a check has invalid metadata', () => {
    const error = loadError({ 'bad-check.ps1': checkFile(goodMeta.replace('"warn"', '"fatal"')) });
    expect(error).toBeInstanceOf(PackError);
    expect((error as Error).message).toMatch(/^ps-scripts\/packs\/bad\/bad-check\.ps1: invalid check metadata: severity: [^\n]+$/);
  });

  it('names the file when the metadata here-string is not JSON', () => {
    expect((loadError({ 'bad-check.ps1': checkFile('{ "id": ') }) as Error).message).toMatch(/^ps-scripts\/packs\/bad\/bad-check\.ps1: metadata is not JSON/);
  });

  it('rejects a check file whose function is not named after its id', () => {
    expect((loadError({ 'bad-check.ps1': checkFile(goodMeta, 'Test-Other') }) as Error).message).toBe('ps-scripts/packs/bad/bad-check.ps1: no function Test-BadCheck');
  });

  it('rejects a check file that pack.json does not list', () => {
    expect((loadError({ 'bad-check.ps1': checkFile(goodMeta), 'extra-check.ps1': checkFile(goodMeta) }) as Error).message).toBe(
      'ps-scripts/packs/bad/pack.json: check file extra-check.ps1 is not listed in "checks"',
    );
  });

  it('rejects a var a check reads that pack.json does not declare', () => {
    const meta = JSON.stringify({ ...JSON.parse(goodMeta), reads: ['vaultSize'] });
    expect((loadError({ 'bad-check.ps1': checkFile(meta) }) as Error).message).toBe('ps-scripts/packs/bad/bad-check.ps1: reads var "vaultSize", which pack.json does not declare');
  });

  it('rejects a partition that is not a fleet check\'s required var', () => {
    const host = JSON.stringify({ ...JSON.parse(goodMeta), partition: 'vaultName' });
    expect((loadError({ 'bad-check.ps1': checkFile(host) }) as Error).message).toBe('ps-scripts/packs/bad/bad-check.ps1: partition "vaultName" must be a fleet check\'s required var');
    const unrequired = JSON.stringify({ ...JSON.parse(goodMeta), kind: 'fleet', requires: [], partition: 'vaultName' });
    expect((loadError({ 'bad-check.ps1': checkFile(unrequired) }) as Error).message).toBe('ps-scripts/packs/bad/bad-check.ps1: partition "vaultName" must be a fleet check\'s required var');
  });

  it('rejects an unknown pack by name', () => {
    expect(() => loadPack('no-such-pack')).toThrow('ps-scripts/packs/no-such-pack/pack.json: no such pack "no-such-pack"');
  });
});

describe('fleet checks of mars', () => {
  // The controller sends a fleet check only the vars it requires or reads: one it reads but does not declare would be unset.
  // Both group by (cloud, vault) in their code: running them vault by vault gives the same verdicts.
  it('are partitioned by the vault they group by', () => {
    const pack = loadPack('mars');
    expect(pack.checks.filter((c) => c.kind === 'fleet').map((c) => [c.id, c.partition])).toEqual([
      ['mars-fleet-duplicate-names', 'vaultName'],
      ['mars-fleet-vault-capacity', 'vaultName'],
    ]);
    for (const id of ['mars-fleet-duplicate-names', 'mars-fleet-vault-capacity']) {
      const code = readFileSync(path.join(DEFAULT_ROOT, 'ps-scripts', 'packs', 'mars', `${id}.ps1`), 'utf8');
      expect(code, id).toContain("$key = ([string]$h['cloud'] + '/' + [string]$h['vars']['vaultName']).ToLowerInvariant()");
    }
  });

  it('declare every var their code reads in requires or reads', () => {
    const pack = loadPack('mars');
    for (const check of pack.checks.filter((c) => c.kind === 'fleet')) {
      const code = readFileSync(path.join(DEFAULT_ROOT, 'ps-scripts', 'packs', 'mars', `${check.id}.ps1`), 'utf8');
      const used = [...new Set([...code.matchAll(/\['vars'\]\['([A-Za-z0-9]+)'\]/g)].map((m) => m[1]!))];
      expect(used.length, check.id).toBeGreaterThan(0);
      for (const name of used) expect([...check.requires, ...(check.reads ?? [])], `${check.id} reads ${name}`).toContain(name);
    }
  });
});

describe('checkFunctionName', () => {
  it('turns a kebab-case id into Test-PascalCase', () => {
    expect(checkFunctionName('mars-tls12-dotnet')).toBe('Test-MarsTls12Dotnet');
  });
});
