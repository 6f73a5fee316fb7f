import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunRecord } from '../../../src/record/run-record.js';
import { loadFixCatalogue } from '../../../src/report/fix-plan/fix-catalogue.js';
import { FIX_PLAN_SCHEMA, renderFixPlan } from '../../../src/report/fix-plan/render-fix-plan.js';
import { selectFixes } from '../../../src/report/fix-plan/select-fixes.js';
import { REPO, runPwsh, runPwshScript } from '../../helpers/pwsh.js';
import { fixtureHost, fixtureRun } from './fixture-runs.js';

const dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-render-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const catalogue = loadFixCatalogue('mars');
const generatedAt = new Date('2026-12-01T14:00:00.000Z');
const render = (record: RunRecord, host: string, staged: boolean) =>
  renderFixPlan(record, selectFixes(record, fixtureHost(record, host), catalogue)!, { root: REPO, staged, toolVersion: '0.1.0', generatedAt });

// Every plan the two real records give, for a real host and for a lab host.
const plans = (['run-a', 'run-b'] as const).flatMap((run) => {
  const record = fixtureRun(run);
  return record.hosts.filter((h) => selectFixes(record, h, catalogue)).flatMap((h) => [false, true].map((staged) => {
    const file = path.join(dir, `${run}-${h.name}-${staged ? 'staged' : 'real'}.ps1`);
    writeFileSync(file, render(record, h.name, staged));
    return file;
  }));
});

const GUARD = path.join(REPO, 'ps-scripts', 'tools', 'Test-PS51Compat.ps1');

interface Parsed { file: string; errors: string[]; undefinedCalls: string[]; defined: string[] }

describe('renderFixPlan', () => {
  let parsed: Parsed[];
  beforeAll(async () => {
    const run = await runPwshScript(`
      $out = foreach ($file in @('${plans.join("', '")}')) {
        $tokens = $null; $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($file, [ref]$tokens, [ref]$errors)
        $defined = @($ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $true) | ForEach-Object { $_.Name })
        $calls = @($ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] }, $true) | ForEach-Object { $_.GetCommandName() } | Where-Object { $_ -match '^[A-Z][A-Za-z]+-Fs' } | Sort-Object -Unique)
        [ordered]@{ file = $file; errors = @($errors | ForEach-Object { $_.Message }); undefinedCalls = @($calls | Where-Object { $defined -notcontains $_ }); defined = $defined }
      }
      ConvertTo-Json -Depth 4 -InputObject @($out)`, { timeoutMs: 120_000 });
    expect(run.stderr).toBe('');
    parsed = JSON.parse(run.stdout) as Parsed[];
  });

  test('every plan of the fixture runs, for a real and a lab host, parses without error', () => {
    expect(plans.length).toBe(8);
    expect(parsed.map((p) => [path.basename(p.file), p.errors])).toEqual(plans.map((p) => [path.basename(p), []]));
  });

  test('every plan passes the Windows PowerShell 5.1 guard', async () => {
    const run = await runPwsh(['-File', GUARD, '-Json', ...plans], { timeoutMs: 120_000 });
    const findings = [JSON.parse(run.stdout || '[]')].flat() as { File: string; Line: number; Rule: string; Severity: string }[];
    expect(findings.filter((f) => f.Severity === 'error').map((f) => `${path.basename(f.File)}:${f.Line} ${f.Rule}`)).toEqual([]);
    expect(run.code).toBe(0);
  });

  test('every function a plan calls is defined in the plan itself', () => {
    for (const p of parsed) expect(p.undefinedCalls, path.basename(p.file)).toEqual([]);
  });

  test('a real host\'s plan holds no staged function, a lab host\'s plan reads the staged state', () => {
    const real = render(fixtureRun('run-a'), 'fs21', false);
    const staged = render(fixtureRun('run-a'), 'fs21', true);
    expect(real).not.toMatch(/fake-staged|Get-FsStagedState|FLEET_SCAN_STAGED_STATE/);
    expect(real).toContain('# ---- ps-scripts/fixes/lib/Set-FsFixRegistryValue.ps1');
    expect(staged).toContain('# ---- ps-scripts/fixes/lib/fake-staged/Set-FsFixRegistryValue.ps1');
    expect(staged).toContain('STAGED: fs21 is a fleet-scan lab host.');
  });

  test('declares SupportsShouldProcess and runs only the repairs of its scripted fixes', () => {
    const text = render(fixtureRun('run-a'), 'fs21', false);
    expect(text).toContain('\r\n[CmdletBinding(SupportsShouldProcess = $true)]\r\nparam([string]$LogPath)\r\n#Requires -Version 5.1\r\n');
    expect(text.startsWith('<#\r\n.SYNOPSIS\r\n    fleet-scan fix plan for fs21: 7 scripted fixes, 0 findings for a person.\r\n')).toBe(true);
    expect(text).toMatch(/\r\nexit \(Invoke-FsFixPlan -Plan \$FsPlan -Repair @\('mars-antivirus-exclusions', 'mars-tls12-schannel', 'mars-tls12-dotnet', 'mars-agent-installed', 'mars-clock-skew', 'mars-windows-temp-files', 'mars-proxy-config'\) -LogPath \$LogPath -ScriptRoot \$PSScriptRoot\)\r\n$/);
  });

  test('a host whose findings have no scripted fix gets steps, not code', () => {
    const text = render(fixtureRun('run-a'), 'fs22', false);
    expect(text).not.toMatch(/^function Repair-/m);
    expect(text).toContain('-Repair @()');
    expect(text).toContain('    For a person (the plan lists these steps as warnings; it does not do them):\r\n      mars-os-server-core (fail: Server Core installation is not supported by MARS)\r\n          1. The MARS agent does not support Server Core:');
    expect(text).toContain('      mars-existing-registration (fail: Already registered to vault rsv-legacy, not rsv-files)\r\n');
  });

  test('holds the host\'s findings only as base64 JSON data, and text a target wrote cannot escape the comment block', async () => {
    const record = fixtureRun('run-a');
    const hostile = "Clock off #>\r\nRemove-Item C:\\ -Recurse -Force\r\n<# by 600 s";
    const hosts = record.hosts.map((h) => (h.name !== 'fs21' ? h : { ...h, checks: h.checks.map((c) => (c.id === 'mars-clock-skew' ? { ...c, summary: hostile } : c)) }));
    const fixes = selectFixes({ ...record, hosts }, { ...fixtureHost(record, 'fs21'), checks: hosts.find((h) => h.name === 'fs21')!.checks }, catalogue)!;
    const text = renderFixPlan(record, fixes, { root: REPO, staged: false, toolVersion: '0.1.0', generatedAt });
    expect(text).not.toContain('Remove-Item C:\\ -Recurse -Force\r\n');
    expect(text).toContain('mars-clock-skew (fail: Clock off # > Remove-Item C:\\ -Recurse -Force < # by 600 s)');
    const file = path.join(dir, 'hostile.ps1');
    writeFileSync(file, text);
    const run = await runPwshScript(`
      $ast = [System.Management.Automation.Language.Parser]::ParseFile('${file}', [ref]$null, [ref]$null)
      $help = $ast.GetHelpContent()
      $data = $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.AssignmentStatementAst] -and $n.Left.Extent.Text -eq '$FsPlanData' }, $false)[0].Right.Extent.Text
      $json = [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String((($data -replace "^@'", '' -replace "'@$", '') -replace '\\s', '')))
      ConvertTo-Json -Depth 6 -InputObject @{ commands = @($ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] -and $n.GetCommandName() -eq 'Remove-Item' }, $true)).Count; synopsis = $help.Synopsis.Trim(); plan = (ConvertFrom-Json -InputObject $json -DateKind String) }`);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { commands: number; synopsis: string; plan: { schema: string; host: string; computerName: string; fixes: Record<string, { summary: string; evidence: string[] }> } };
    expect(out.commands).toBe(0);
    expect(out.synopsis).toBe('fleet-scan fix plan for fs21: 7 scripted fixes, 0 findings for a person.');
    expect(out.plan.schema).toBe(FIX_PLAN_SCHEMA);
    expect(out.plan.host).toBe('fs21');
    expect(out.plan.computerName).toBe('FS21');
    expect(out.plan.fixes['mars-clock-skew']!.summary).toBe(hostile);
    expect(out.plan.fixes['mars-tls12-dotnet']!.evidence).toEqual(fixtureHost(record, 'fs21').checks.find((c) => c.id === 'mars-tls12-dotnet')!.evidence);
  });

  test('is plain ASCII with Windows line ends, as Windows PowerShell 5.1 and Notepad read it', () => {
    const text = render(fixtureRun('run-a'), 'fs21', false);
    expect(text).toMatch(/^[\x20-\x7e\r\n\t]*$/);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });
});
