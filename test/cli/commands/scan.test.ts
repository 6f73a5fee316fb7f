// `fleet-scan scan` as a child process over a real loopback lab: exit codes, what it prints with and
// without --quiet, Ctrl-C and --resume, and secrets kept out of argv and logs. Needs `npm run build`.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Lab } from '../../../src/lab/index.js';
import { startFailureFixtures, type FailureFixtures } from '../../helpers/failure-fixtures.js';
import { readJournal } from '../../../src/runner/journal.js';
import { runRecordSchema, type RunRecord } from '../../../src/record/run-record.js';
import { eventually } from '../../helpers/lab-processes.js';
import { endLabTurn, takeLabTurn } from '../../runner/helpers/lab-lock.js';
import { fakeShell, HEALTHY_STATE, healthyInventoryVars, healthyStates, writeInventory } from '../../runner/helpers/scan-lab.js';
import { expectNoStack, runCli, startCli } from '../helpers/run-cli.js';

const HOST_LINE = /^\[\s*\d+\/(\d+)\] (\S+) (ok|unreachable|timeout|error|not-run): .+$/;

function onlyFile(dir: string, ext: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith(ext));
  expect(files, `${ext} files in ${dir}`).toHaveLength(1);
  return path.join(dir, files[0]!);
}

function readRecord(dir: string): RunRecord {
  return runRecordSchema.parse(JSON.parse(readFileSync(onlyFile(dir, '.json'), 'utf8')));
}

/** Every process whose command line or environment holds `text`. */
function processesHolding(text: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes(text)) found.push(`${pid} ${cmd.replace(/\0/g, ' ')}`);
    } catch {
      // gone
    }
  }
  return found;
}

describe.sequential('fleet-scan scan over a loopback lab', () => {
  let dir: string;
  let releaseLabTurn: (() => void) | undefined;
  let lab: Lab | undefined;
  let failures: FailureFixtures | undefined;
  let oldDotnetState: string;

  beforeAll(async () => {
    releaseLabTurn = await takeLabTurn();
    dir = mkdtempSync(path.join(tmpdir(), 'fs-h8-cliscan-'));
    const states = healthyStates(path.join(dir, 'states'), 4);
    // A real finding: .NET 4.7.2 where MARS needs 4.8.
    const old = JSON.parse(readFileSync(HEALTHY_STATE, 'utf8'));
    old.registry['HKLM:\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full'] = { Release: 461808, Version: '4.7.03062' };
    old.computer.computerName = 'OLDNET01';
    oldDotnetState = path.join(dir, 'states', 'old-dotnet.json');
    writeFileSync(oldDotnetState, JSON.stringify(old));
    lab = await startFleet({ dir: path.join(dir, 'lab'), base: '127.0.103', count: 5, states: [...states, oldDotnetState] });
    failures = await startFailureFixtures({
      dir: path.join(dir, 'failures'), base: '127.0.104', kinds: ['down'],
      client: { clientKey: lab.clientKey, knownHosts: lab.knownHosts },
    });
  }, 720_000);

  afterAll(() => endLabTurn(releaseLabTurn, dir, failures, lab));

  const healthy = (i: number) => ({ name: `healthy${i + 1}`, address: lab!.hosts[i]!.address, vars: healthyInventoryVars() });
  const oldDotnet = () => ({ name: 'old-dotnet', address: lab!.hosts[4]!.address, vars: healthyInventoryVars() });
  const down = () => ({ name: 'down', address: failures!.get('down').address, vars: healthyInventoryVars() });

  async function scan(name: string, hosts: Array<Record<string, unknown> & { name: string; address: string }>, extra: string[] = []) {
    const file = writeInventory(path.join(dir, `${name}.json`), lab!, hosts as never, { shell: lab!.powershell });
    const out = path.join(dir, `out-${name}`);
    const run = await runCli(['scan', '-i', file, '--no-history', '-o', out, '--deadline', '60s', ...extra]);
    return { run, out };
  }

  it('exits 0 when every check is clean, and with --quiet prints only the summary', async () => {
    const { run, out } = await scan('clean', [healthy(0)], ['--quiet']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^fleet-scan mars /);
    expect(run.stdout).toContain('Exit code 0');
    expect(readRecord(out).hosts[0]!.status).toBe('ok');
    expect(existsSync(onlyFile(out, '.xlsx'))).toBe(true);
  }, 90_000);

  it('exits 1 when a check fails, and without a terminal prints one plain line per finished host', async () => {
    const { run, out } = await scan('failing', [oldDotnet(), { ...healthy(1), transport: 'ssh-exec' }]);
    expect(run.code, run.stderr).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(HOST_LINE);
    expect(lines.map((l) => l.match(HOST_LINE)![2]).sort()).toEqual(['healthy2', 'old-dotnet']);
    expect(run.stderr).toMatch(/old-dotnet ok: 1 failed, 0 warned/);
    const record = readRecord(out);
    expect(record.hosts.find((h) => h.name === 'old-dotnet')!.checks.find((c) => c.id === 'mars-dotnet-version')!.status).toBe('fail');
  }, 90_000);

  it('exits 4 when a host cannot be reached and every seen check is clean', async () => {
    const { run } = await scan('unreachable', [healthy(2), down()], ['--connect-timeout', '5s']);
    expect(run.code, run.stderr).toBe(4);
    expect(run.stderr).toMatch(/down unreachable: connection refused/);
  }, 90_000);

  it('exits 5 when a check fails and a host cannot be reached', async () => {
    const { run } = await scan('both', [oldDotnet(), down()], ['--connect-timeout', '5s']);
    expect(run.code, run.stderr).toBe(5);
  }, 90_000);

  it('prints nothing but host lines on stderr when many hosts run at once (no runtime warnings)', async () => {
    const shell = fakeShell('fake-powershell-honest.sh');
    const hosts = Array.from({ length: 14 }, (_, i) => ({ name: `fake${i + 1}`, address: lab!.hosts[i % 4]!.address, transport: 'ssh-exec', shell }));
    const { run } = await scan('many', hosts, ['--checks', 'mars-dotnet-version,mars-os-supported']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines.filter((l) => !HOST_LINE.test(l))).toEqual([]);
    expect(lines).toHaveLength(14);
  }, 90_000);

  it('on Ctrl-C exits 130 with every finished host journaled and reports marked interrupted; --resume then scans only the rest', async () => {
    const slow = fakeShell('fake-powershell-slow.sh');
    const hosts = Array.from({ length: 8 }, (_, i) =>
      i % 2 === 0
        ? { ...healthy(i % 4), name: `real${i + 1}` }
        : { name: `slow${i + 1}`, address: lab!.hosts[i % 4]!.address, transport: 'ssh-exec', shell: slow, vars: healthyInventoryVars() },
    );
    const file = writeInventory(path.join(dir, 'interrupt.json'), lab!, hosts as never);
    const out = path.join(dir, 'out-interrupt');
    const cli = startCli(['scan', '-i', file, '--no-history', '-o', out, '-c', '2', '--deadline', '60s']);
    expect(await eventually(() => HOST_LINE.test(cli.stderr().split('\n')[0] ?? ''), 80_000), cli.stderr()).toBe(true);
    cli.child.kill('SIGINT');
    const first = await cli.done;
    expect(first.code, first.stderr).toBe(130);
    expect(first.stderr).toContain('interrupted: ending the running hosts and writing the reports');
    expect(expectNoStack(first.stderr)).toBe(true);

    const journalFile = onlyFile(out, '.journal.jsonl');
    const journal = readJournal(journalFile);
    const finished = [...journal.finished.keys()];
    expect(finished.length).toBeGreaterThanOrEqual(1);
    expect(finished.length).toBeLessThan(8);
    const record = readRecord(out);
    expect(record.interrupted).toBe(true);
    expect(existsSync(onlyFile(out, '.xlsx'))).toBe(true);
    for (const h of record.hosts) {
      if (journal.finished.has(h.name)) {
        expect(h.status).not.toBe('not-run');
        // The report holds the journaled result, plus the fleet-side checks (not-run: interrupted).
        const journaled = journal.finished.get(h.name)!;
        expect({ ...h, checks: h.checks.slice(0, journaled.checks.length) }).toEqual(journaled);
        expect(h.checks.slice(journaled.checks.length).every((c) => c.status === 'not-run')).toBe(true);
      } else {
        expect(h.status, h.name).toBe('not-run');
        // A host cut off mid-way keeps the checks it had reported (they carry the host's timing); the rest never ran.
        expect(h.checks.every((c) => c.status === 'not-run' || c.ms !== undefined), h.name).toBe(true);
        expect(h.checks.some((c) => c.status === 'not-run'), h.name).toBe(true);
      }
    }
    const linesBefore = readFileSync(journalFile, 'utf8').trim().split('\n').length;

    const resumed = await runCli(['scan', '--resume', journal.header.runId, '-o', out, '--no-history']);
    expect([0, 1], resumed.stderr).toContain(resumed.code);
    const after = readFileSync(journalFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const added = after.slice(linesBefore).map((l) => l.result.name as string);
    // Only the hosts the first run did not finish were scanned again, each once.
    expect(added.sort()).toEqual(hosts.map((h) => h.name).filter((n) => !journal.finished.has(n)).sort());
    const final = readRecord(out);
    expect(final.runId).toBe(journal.header.runId);
    expect(final.interrupted).toBe(false);
    expect(final.hosts.map((h) => h.name)).toEqual(hosts.map((h) => h.name));
    expect(final.hosts.every((h) => h.status === 'ok')).toBe(true);
    for (const name of finished) expect(final.hosts.find((h) => h.name === name)!.startedAt).toBe(journal.finished.get(name)!.startedAt);
  }, 180_000);

  it('keeps a WinRM password out of every command line, log and report', async () => {
    const secret = 'H8-cli-WinRM-secret-7f3a';
    const file = writeInventory(path.join(dir, 'winrm.json'), lab!, [
      healthy(3),
      { name: 'legacy01', address: 'legacy01.contoso.local', transport: 'winrm', user: 'CONTOSO\\svc-scan', credentialEnv: 'FS_H8_WINRM_PASSWORD' },
    ] as never);
    const out = path.join(dir, 'out-winrm');
    const log = path.join(dir, 'winrm-log.jsonl');
    const cli = startCli(['scan', '-i', file, '--no-history', '-o', out, '--log', log, '--deadline', '60s'], { FS_H8_WINRM_PASSWORD: secret });
    const seen = new Set<string>();
    while (cli.child.exitCode === null) {
      for (const p of processesHolding(secret)) seen.add(p);
      await new Promise((r) => setTimeout(r, 100));
    }
    const run = await cli.done;
    expect(run.code, run.stderr).toBe(4);
    expect([...seen]).toEqual([]);
    const record = readRecord(out);
    expect(record.hosts.find((h) => h.name === 'legacy01')).toMatchObject({ status: 'unreachable', reason: expect.stringMatching(/DNS|resolve/i) });
    const everything = [run.stdout, run.stderr, readFileSync(log, 'utf8'), ...readdirSync(out).filter((f) => !f.endsWith('.xlsx')).map((f) => readFileSync(path.join(out, f), 'utf8'))];
    for (const text of everything) expect(text).not.toContain(secret);
  }, 90_000);
});
