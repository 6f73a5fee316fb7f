// `fleet-scan fix-plan` as a user runs it, and the round trip it exists for: scan, plan, run the plan, scan again. Needs `npm run build`.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPwsh } from '../../helpers/pwsh.js';
import { stagedCopy, RUNS } from '../../report/fix-plan/fixture-runs.js';
import { expectNoStack, runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-fix-plan-cmd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fleet-scan fix-plan', () => {
  it('writes a plan per host with findings and says what each holds', async () => {
    const out = path.join(dir, 'plans');
    const run = await runCli(['fix-plan', path.join(RUNS, 'run-a.json'), '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe([
      `wrote ${path.join(out, 'fs21-fix-plan.ps1')} (7 scripted fixes, 0 for a person, staged lab host)`,
      `wrote ${path.join(out, 'fs22-fix-plan.ps1')} (0 scripted fixes, 2 for a person, staged lab host)`,
      '',
    ].join('\n'));
    expect(readdirSync(out).sort()).toEqual(['fs21-fix-plan.ps1', 'fs22-fix-plan.ps1']);
  });

  it('exits 2 with one line for a file that is not a run record', async () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{ "schema": "nope" }');
    const run = await runCli(['fix-plan', bad, '-o', path.join(dir, 'none')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^fleet-scan: .*bad\.json: not a fleet-scan run record: /)]);
    expect(expectNoStack(run.stderr)).toBe(true);
  });

  it('needs a folder to write to', async () => {
    const run = await runCli(['fix-plan', path.join(RUNS, 'run-a.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('out-dir');
  });

  it('after its plan has run, a scan of the host finds nothing left of what the plan fixed', async () => {
    const work = mkdtempSync(path.join(dir, 'round-trip-'));
    const state = stagedCopy('fs21', work);
    const inventory = path.join(work, 'inventory.json');
    writeFileSync(inventory, JSON.stringify({ hosts: [{ name: 'fs21', transport: 'local', lab: true, cloud: 'public', vars: { vaultName: 'rsv-files' } }] }));
    const env = { FLEET_SCAN_STAGED_STATE: state };
    const scan = async (name: string) => {
      const json = path.join(work, `${name}.json`);
      const run = await runCli(['scan', '-i', inventory, '--json', json, '--no-xlsx', '--no-history', '-o', work, '--quiet'], env);
      expect([0, 1, 4, 5], run.stderr).toContain(run.code);
      return json;
    };
    const before = await scan('before');
    const plans = path.join(work, 'plans');
    expect((await runCli(['fix-plan', before, '-o', plans])).code).toBe(0);
    const scripted = (JSON.parse(readFileSync(before, 'utf8')) as { hosts: { checks: { id: string; status: string }[] }[] }).hosts[0]!.checks
      .filter((c) => ['mars-tls12-schannel', 'mars-tls12-dotnet', 'mars-clock-skew', 'mars-windows-temp-files', 'mars-proxy-config', 'mars-antivirus-exclusions', 'mars-agent-installed'].includes(c.id));
    expect(scripted.map((c) => c.status)).not.toContain('pass');
    const applied = await runPwsh(['-File', path.join(plans, 'fs21-fix-plan.ps1'), '-LogPath', path.join(work, 'fix.log')], { env, timeoutMs: 120_000 });
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    const after = JSON.parse(readFileSync(await scan('after'), 'utf8')) as { hosts: { checks: { id: string; status: string }[] }[] };
    const statuses = Object.fromEntries(after.hosts[0]!.checks.filter((c) => scripted.some((s) => s.id === c.id)).map((c) => [c.id, c.status]));
    expect(statuses).toEqual(Object.fromEntries(scripted.map((c) => [c.id, 'pass'])));
  }, 240_000);
});
