// The controller itself dies mid-run: SIGKILL (nothing can run on the way out) and SIGTERM (a scheduler
// stopping the job). `fleet-scan scan` runs as a child process (the built CLI) over a real loopback fleet;
// the journal is the only thing a SIGKILL leaves, and `--resume` must finish the run from it with the same
// result an uninterrupted run gives. Needs `npm run build`.
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Lab } from '../../src/lab/index.js';
import type { HostResult, RunRecord } from '../../src/record/run-record.js';
import { readJournal } from '../../src/runner/journal.js';
import { eventually } from '../helpers/lab-processes.js';
import { expectNoStack, runCli, startCli } from '../cli/helpers/run-cli.js';
import { endLabTurn, takeLabTurn } from '../runner/helpers/lab-lock.js';
import { fakeShell, healthyInventoryVars, healthyStates, loadMarsInventory, writeInventory } from '../runner/helpers/scan-lab.js';
import { expectJournalHoldsEveryHost, hostsDone, onlyFile, readRecord } from './helpers/fault-lab.js';

const BASE = '127.0.203';
/** The run record a scan wrote into `dir`. */
const recordIn = (dir: string): RunRecord => readRecord(onlyFile(dir, '.json'));

/** A host's result without what differs between two runs of the same fleet: times and durations. */
function outcome(h: HostResult): unknown {
  const { startedAt: _s, durationMs: _d, ...rest } = h;
  return { ...rest, checks: h.checks.map(({ ms: _ms, ...c }) => c) };
}

/** Processes of one scan left alive: its ssh clients (by the lab's addresses) and its pwsh worker (by its temp dir). */
function leftovers(tempDir: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2))) continue;
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const env = readFileSync(`/proc/${pid}/environ`, 'utf8');
      const client = /(^|\/)ssh$/.test(cmd[0] ?? '') && cmd.some((a) => a.startsWith(`${BASE}.`));
      if (client || env.includes(`FLEET_SCAN_SSH_DIR=${tempDir}`)) found.push(`${pid} ${cmd.join(' ')}`);
    } catch {
      // gone while we looked
    }
  }
  return found;
}

describe.sequential('the controller killed mid-run', () => {
  let dir: string;
  let releaseLabTurn: (() => void) | undefined;
  let lab: Lab | undefined;
  let file: string;
  let checkIds: string[];
  let names: string[];
  let baseline: { code: number | null; record: RunRecord };

  const scanArgs = (out: string, history: string) => ['scan', '-i', file, '-o', out, '--history', history, '-c', '2', '--deadline', '60s', '--checks', checkIds.join(',')];

  beforeAll(async () => {
    releaseLabTurn = await takeLabTurn();
    dir = mkdtempSync(path.join(tmpdir(), 'fs-faults-killed-'));
    lab = await startFleet({ dir: path.join(dir, 'lab'), base: BASE, count: 3, states: healthyStates(path.join(dir, 'states'), 3) });
    const vars = healthyInventoryVars();
    const h = lab.hosts;
    const slow = `${fakeShell('fake-powershell-works-for.sh')} 3`;
    const hosts = [
      { name: 'real-ssh', address: h[0]!.address, transport: 'ssh', vars },
      { name: 'slow1', address: h[2]!.address, shell: slow, vars },
      { name: 'slow2', address: h[2]!.address, shell: slow, vars },
      { name: 'real-exec', address: h[1]!.address, shell: lab.powershell, vars },
      { name: 'slow3', address: h[2]!.address, shell: slow, vars },
      { name: 'honest1', address: h[2]!.address, shell: fakeShell('fake-powershell-honest.sh'), vars },
      { name: 'slow4', address: h[2]!.address, shell: slow, vars },
      { name: 'honest2', address: h[2]!.address, shell: fakeShell('fake-powershell-honest.sh'), vars },
    ];
    names = hosts.map((x) => x.name);
    file = writeInventory(path.join(dir, 'fleet.json'), lab, hosts, { transport: 'ssh-exec' });
    const { pack } = await loadMarsInventory(file);
    // Host checks and the fleet-side ones: a resumed run must judge the fleet over every host, journaled or not.
    checkIds = [...pack.checks.filter((c) => c.kind === 'host').slice(0, 4), ...pack.checks.filter((c) => c.kind === 'fleet')].map((c) => c.id);
    const out = path.join(dir, 'out-baseline');
    const run = await runCli(scanArgs(out, path.join(dir, 'baseline.sqlite')));
    baseline = { code: run.code, record: recordIn(out) };
    expect(baseline.record.interrupted).toBe(false);
  }, 720_000);

  afterAll(() => endLabTurn(releaseLabTurn, dir, lab));

  it('SIGKILL leaves a journal with every host that had finished, and --resume completes the run with the same result as an uninterrupted one', async () => {
    const out = path.join(dir, 'out-killed');
    const history = path.join(dir, 'killed.sqlite');
    const temp = path.join(dir, 'tmp-killed');
    mkdirSync(temp);
    const cli = startCli(scanArgs(out, history), { TMPDIR: temp });
    expect(await eventually(() => hostsDone(cli.stderr()).length >= 2, 90_000), cli.stderr()).toBe(true);
    const printed = hostsDone(cli.stderr());
    cli.child.kill('SIGKILL');
    const killed = await cli.done;
    expect(killed.signal).toBe('SIGKILL');

    // Every host the controller announced was journaled first; the run was cut short of the rest.
    const journalFile = onlyFile(out, '.journal.jsonl');
    const journal = readJournal(journalFile);
    for (const name of printed) expect([...journal.finished.keys()], name).toContain(name);
    expect(journal.finished.size).toBeLessThan(names.length);
    expect(existsSync(path.join(out, `fleet-scan-${journal.header.runId}.json`))).toBe(false);
    // What it had started ends without it: no ssh client nor pwsh worker of the dead run stays behind.
    expect(await eventually(() => leftovers(temp).length === 0, 20_000), leftovers(temp).join('\n')).toBe(true);

    const resumed = await runCli(['scan', '--resume', journal.header.runId, '-o', out, '--history', history]);
    expect(resumed.code, resumed.stderr).toBe(baseline.code);
    // The dead run's history lock was left behind: the resumed run took it over rather than refusing.
    expect(resumed.stderr).not.toMatch(/in use by/);
    const after = readJournal(journalFile);
    const record = recordIn(out);
    expect(record.runId).toBe(journal.header.runId);
    expect(record.interrupted).toBe(false);
    expect(record.hosts.map((h) => h.name)).toEqual(names);
    for (const [name, earlier] of journal.finished) expect(after.finished.get(name), name).toEqual(earlier);
    expect(record.hosts.map(outcome)).toEqual(baseline.record.hosts.map(outcome));
    expect(record.checks).toEqual(baseline.record.checks);
    expectJournalHoldsEveryHost(journalFile, record);
  }, 300_000);

  it('SIGTERM behaves like Ctrl-C: exit 130, every finished host journaled, and the reports written and marked interrupted', async () => {
    const out = path.join(dir, 'out-term');
    const cli = startCli(scanArgs(out, path.join(dir, 'term.sqlite')));
    expect(await eventually(() => hostsDone(cli.stderr()).length >= 1, 90_000), cli.stderr()).toBe(true);
    cli.child.kill('SIGTERM');
    const run = await cli.done;
    expect(run.code, run.stderr).toBe(130);
    expect(run.stderr).toContain('interrupted: ending the running hosts and writing the reports');
    expect(expectNoStack(run.stderr)).toBe(true);
    const record = recordIn(out);
    expect(record.interrupted).toBe(true);
    expect(existsSync(onlyFile(out, '.xlsx'))).toBe(true);
    expect(record.hosts.map((h) => h.name)).toEqual(names);
    expect(record.hosts.some((h) => h.status === 'not-run')).toBe(true);
    expectJournalHoldsEveryHost(onlyFile(out, '.journal.jsonl'), record);
  }, 180_000);
});
