// WinRM end to end with the built CLI: a lab fleet where some hosts are sshd and some are fake-winrm
// (which answers as Windows does and runs the lab's PowerShell for powershell.exe), scanned in one run.
// Every outcome must be honest and the deadline kept; the password must appear nowhere.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Lab } from '../../src/lab/index.js';
import type { RunRecord } from '../../src/record/run-record.js';
import { endLabTurn, takeLabTurn } from '../runner/helpers/lab-lock.js';
import { healthyInventoryVars, HEALTHY_STATE, writeInventory } from '../runner/helpers/scan-lab.js';
import { assertBuilt, killStillRunning, runCli } from './run-cli.js';

const BASE = '127.0.62';
const NAMES = ['ssh01', 'http01', 'https01', 'basic01', 'badpw01', 'badcert01', 'mute01', 'quota01'];
const WINRM = [undefined, { useSsl: false }, {}, { auth: 'basic' as const }, { behaviour: 'wrong-password' as const },
  { behaviour: 'bad-certificate' as const }, { behaviour: 'never-answers' as const }, { behaviour: 'quota' as const }];
const CHECKS = 'mars-dotnet-version,mars-clock-skew,mars-powershell-version,mars-os-supported';

let dir: string;
let lab: Lab | undefined;
let release: (() => void) | undefined;
let record: RunRecord;
let code: number | null;
let elapsed: number;
let password: string;
let everything: string[];

beforeAll(async () => {
  assertBuilt();
  release = await takeLabTurn();
  dir = mkdtempSync(path.join(tmpdir(), 'fs-e2e-winrm-'));
  lab = await startFleet({ dir: path.join(dir, 'lab'), base: BASE, count: NAMES.length, names: NAMES, states: [HEALTHY_STATE], winrm: WINRM });
  password = readFileSync(lab.winrm!.passwordFile, 'utf8').trim();
  const vars = healthyInventoryVars();
  const hosts = lab.hosts.map((h, i) => {
    const spec = WINRM[i];
    if (!spec) return { name: h.name, address: h.address, vars };
    return {
      name: h.name, address: h.address, vars, transport: 'winrm', user: lab!.winrm!.user, credentialEnv: lab!.winrm!.credentialEnv,
      useSsl: spec.useSsl !== false, port: h.port, ...(spec.auth ? { auth: spec.auth } : {}), caFile: lab!.winrm!.caFile,
      connectTimeout: '3s',
    };
  });
  const inventory = writeInventory(path.join(dir, 'inventory.json'), lab, hosts);
  const out = path.join(dir, 'out');
  const log = path.join(dir, 'log.jsonl');
  const started = Date.now();
  const run = await runCli(['scan', '-i', inventory, '--checks', CHECKS, '--no-history', '-o', out, '--json', path.join(out, 'run.json'),
    '--junit', path.join(out, 'junit.xml'), '--html', path.join(out, 'report.html'), '--log', log, '--deadline', '90s', '--concurrency', '8', '--quiet'],
    { env: { [lab.winrm!.credentialEnv]: password } });
  elapsed = Date.now() - started;
  code = run.code;
  record = JSON.parse(readFileSync(path.join(out, 'run.json'), 'utf8')) as RunRecord;
  everything = [run.stdout, run.stderr, readFileSync(log, 'utf8'), ...readdirSync(out).filter((f) => !f.endsWith('.xlsx')).map((f) => readFileSync(path.join(out, f), 'utf8'))];
}, 400_000);

afterAll(async () => {
  killStillRunning();
  await endLabTurn(release, dir, lab);
});

const hostOf = (name: string) => record.hosts.find((h) => h.name === name)!;

describe('a mixed ssh and WinRM lab, scanned with the CLI', () => {
  it.each([['ssh01'], ['http01'], ['https01'], ['basic01']])('%s is reached and every selected check passes', (name) => {
    const h = hostOf(name);
    expect(h.status, h.reason).toBe('ok');
    expect(h.staged).toBe(true);
    expect(h.checks.map((c) => c.status)).toEqual(CHECKS.split(',').map(() => 'pass'));
  });

  it.each([
    ['badpw01', /^authentication failed \(NTLM\)/],
    ['badcert01', /certificate/i],
    ['mute01', /within 3 s|never answered/],
    ['quota01', /^WSManFault 2150859173: .*maximum number of \d+ concurrent shells/],
  ])('%s is unreachable with a one-line reason in Windows\' words', (name, reason) => {
    const h = hostOf(name);
    expect(h.status).toBe('unreachable');
    expect(h.termination.reason).toBe('connect-failed');
    expect(h.reason).toMatch(reason);
    expect(h.reason).not.toContain('\n');
    expect(h.checks.every((c) => c.status === 'not-run')).toBe(true);
  });

  it('exits 4 (hosts could not be scanned, no check failed) well inside the deadline', () => {
    expect(code).toBe(4);
    expect(elapsed).toBeLessThan(90_000 + 60_000);
  });

  it('the WinRM password appears in no output, log or report', () => {
    expect(password.length).toBeGreaterThan(8);
    for (const text of everything) expect(text).not.toContain(password);
  });
});

