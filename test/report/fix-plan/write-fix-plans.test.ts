import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixPlanFileName, writeFixPlans, type WrittenPlan } from '../../../src/report/fix-plan/write-fix-plans.js';
import { runPwsh } from '../../helpers/pwsh.js';
import { fixtureRun, stagedCopy } from './fixture-runs.js';

// The plans of the real run A, run in pwsh against copies of the staged states the lab hosts were dressed in.
const dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-fix-plans-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let plans: WrittenPlan[];
beforeAll(async () => {
  plans = await writeFixPlans(fixtureRun('run-a'), path.join(dir, 'plans'), { generatedAt: new Date('2026-12-01T14:00:00.000Z') });
});

const planFor = (host: string) => path.join(dir, 'plans', fixPlanFileName(host));
const whatIfLines = (stdout: string) => stdout.split(/\r?\n/).filter((l) => l.startsWith('What if: '));
const runPlan = (host: string, state: string, args: string[] = []) =>
  runPwsh(['-File', planFor(host), ...args], { env: { FLEET_SCAN_STAGED_STATE: state }, timeoutMs: 120_000 });

// Each state gets its own folder, so the plans' default log (beside the script) is not what tests read.
function workDir(name: string): string {
  const d = path.join(dir, name);
  rmSync(d, { recursive: true, force: true });
  return mkdtempSync(`${d}-`);
}

const FS21_ACTIONS = [
  'What if: Performing the operation "Exclude the process cbengine.exe" on target "Microsoft Defender Antivirus".',
  'What if: Performing the operation "Set Enabled=1 (DWORD)" on target "HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client".',
  'What if: Performing the operation "Set DisabledByDefault=0 (DWORD)" on target "HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client".',
  'What if: Performing the operation "Set SchUseStrongCrypto=1 (DWORD)" on target "HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319".',
  'What if: Performing the operation "Set SystemDefaultTlsVersions=1 (DWORD)" on target "HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319".',
  'What if: Performing the operation "Start the service" on target "service obengine".',
  'What if: Performing the operation "Start the service" on target "service w32time".',
  'What if: Performing the operation "Take the time from the domain hierarchy (w32tm /config /syncfromflags:domhier /update)" on target "service w32time".',
  'What if: Performing the operation "Resynchronise the clock now (w32tm /resync /force)" on target "service w32time".',
  'What if: Performing the operation "Delete 60001 .tmp files older than 7 days" on target "C:\\Windows\\Temp".',
  'What if: Performing the operation "Set ProxyEnable=0 (DWORD)" on target "Registry::HKEY_USERS\\S-1-5-18\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings".',
  'What if: Performing the operation "Reset the WinHTTP proxy to direct access (netsh winhttp reset proxy)" on target "WinHTTP".',
];

describe('writeFixPlans', () => {
  test('writes one plan per host with findings and none for a healthy host', () => {
    expect(plans.map((p) => [p.host, path.basename(p.file), p.scripted.length, p.manual, p.staged])).toEqual([
      ['fs21', 'fs21-fix-plan.ps1', 7, [], true],
      ['fs22', 'fs22-fix-plan.ps1', 0, ['mars-os-server-core', 'mars-existing-registration'], true],
    ]);
    expect(readdirSync(path.join(dir, 'plans')).sort()).toEqual(['fs21-fix-plan.ps1', 'fs22-fix-plan.ps1']);
  });

  test('-WhatIf on the staged host lists exactly the expected actions and changes nothing', async () => {
    const work = workDir('whatif');
    const state = stagedCopy('fs21', work);
    const before = readFileSync(state, 'utf8');
    const run = await runPlan('fs21', state, ['-WhatIf']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(whatIfLines(run.stdout)).toEqual(FS21_ACTIONS);
    expect(run.stdout).toContain('fs21: 12 changes shown by -WhatIf (none made), 6 already done, 3 manual steps');
    expect(readFileSync(state, 'utf8')).toBe(before);
    expect(readdirSync(path.join(dir, 'plans')).filter((f) => f.endsWith('.log'))).toEqual([]);
  });

  test('a run makes each change once and logs it; a second run finds nothing left to change', async () => {
    const work = workDir('apply');
    const state = stagedCopy('fs21', work);
    const log = path.join(work, 'fs21-fix.log');
    const first = await runPlan('fs21', state, ['-LogPath', log]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`fs21: 12 changed, 6 already done, 0 failed, 3 manual steps; log ${log}`);
    const changed = readFileSync(log, 'utf8').split('\r\n').filter((l) => / changed  /.test(l)).map((l) => l.replace(/^\S+ changed +/, ''));
    expect(changed).toEqual(FS21_ACTIONS.map((a) => {
      const [, action, target] = /^What if: Performing the operation "(.*)" on target "(.*)"\.$/.exec(a)!;
      return expect.stringMatching(new RegExp(`^mars-[a-z0-9-]+: ${action!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} on ${target!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`));
    }));
    const state1 = JSON.parse(readFileSync(state, 'utf8'));
    expect(state1.registry['HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client']).toEqual({ Enabled: 1, DisabledByDefault: 0 });
    expect(state1.dirs['C:\\Windows\\Temp'].count).toEqual({ '*.tmp': 0, '*': 479 });
    expect(state1.clock).toMatchObject({ offsetSeconds: 0, w32timeStatus: 'Running', w32timeSource: 'contoso.local' });
    expect(state1.defender.exclusionProcess).toEqual(['cbengine.exe']);
    const second = await runPlan('fs21', state, ['-WhatIf']);
    expect(whatIfLines(second.stdout)).toEqual([]);
    expect(second.stdout).toContain('fs21: 0 changes shown by -WhatIf (none made), 18 already done, 0 manual steps');
  });

  test('a host with only findings for a person gets its steps as warnings and no change', async () => {
    const work = workDir('manual');
    const state = stagedCopy('fs22', work);
    const before = readFileSync(state, 'utf8');
    const log = path.join(work, 'fs22-fix.log');
    const run = await runPlan('fs22', state, ['-LogPath', log]);
    expect(run.code).toBe(0);
    expect(whatIfLines(run.stdout)).toEqual([]);
    const warnings = run.stdout.split(/\r?\n/).flatMap((l) => /^WARNING: manual +([a-z0-9-]+): /.exec(l)?.[1] ?? []);
    expect(warnings).toEqual(['mars-os-server-core', 'mars-existing-registration', 'mars-existing-registration', 'mars-existing-registration']);
    expect(run.stdout).toContain('fs22: 0 changed, 0 already done, 0 failed, 4 manual steps');
    expect(readFileSync(state, 'utf8')).toBe(before);
    expect(readFileSync(log, 'utf8')).toContain('manual   mars-existing-registration: Find the passphrase used at the first registration');
  });

  test('refuses to run on another computer than the one scanned', async () => {
    const run = await runPlan('fs21', stagedCopy('fs22', workDir('other-host')), ['-WhatIf']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('This plan is for FS21 (fs21); this computer is FS22. Run it on FS21.');
    expect(whatIfLines(run.stdout)).toEqual([]);
  });

  test('refuses to change anything without administrator rights, but shows the changes with -WhatIf', async () => {
    const work = workDir('not-admin');
    const state = stagedCopy('fs21', work);
    const dressed = JSON.parse(readFileSync(state, 'utf8'));
    dressed.identity.isAdmin = false;
    writeFileSync(state, JSON.stringify(dressed));
    const before = readFileSync(state, 'utf8');
    const run = await runPlan('fs21', state);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('Not elevated: run the plan from PowerShell started with Run as administrator (or with -WhatIf to see the changes).');
    expect(readFileSync(state, 'utf8')).toBe(before);
    expect(whatIfLines((await runPlan('fs21', state, ['-WhatIf'])).stdout)).toEqual(FS21_ACTIONS);
  });

  test('a fix that cannot read what it must re-check is logged as failed, the others still run, and the plan exits 1', async () => {
    const work = workDir('denied');
    const state = stagedCopy('fs21', work);
    const dressed = JSON.parse(readFileSync(state, 'utf8'));
    dressed.registry['HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client'] = { error: 'Requested registry access is not allowed.' };
    writeFileSync(state, JSON.stringify(dressed));
    const log = path.join(work, 'fs21-fix.log');
    const run = await runPlan('fs21', state, ['-LogPath', log]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('WARNING: failed   mars-tls12-schannel: Requested registry access is not allowed.');
    expect(run.stdout).toContain('fs21: 10 changed, 6 already done, 1 failed');
    expect(existsSync(log) && readFileSync(log, 'utf8')).toContain('failed   mars-tls12-schannel: Requested registry access is not allowed.');
  });
});
