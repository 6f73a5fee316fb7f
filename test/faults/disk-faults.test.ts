// Disks that are full or refuse writes, for the reports' folder and for the history: a small tmpfs, full from
// the start or filled while the scan runs, a read-only remount, and a folder path under a regular file.
// `fleet-scan scan` runs as a child process (the built CLI) over a real loopback fleet. Needs root (to mount)
// and `npm run build`.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHistory } from '../../src/history/store.js';
import { startFleet, type Lab } from '../../src/lab/index.js';
import { readJournal } from '../../src/runner/journal.js';
import { eventually } from '../helpers/lab-processes.js';
import { expectNoStack, runCli, startCli, type CliRun } from '../cli/helpers/run-cli.js';
import { endLabTurn, takeLabTurn } from '../runner/helpers/lab-lock.js';
import { fakeShell, healthyStates, loadMarsInventory, writeInventory } from '../runner/helpers/scan-lab.js';
import { hostsDone, readRecord } from './helpers/fault-lab.js';
import { mountSmallDisk, type SmallDisk } from './helpers/small-disk.js';

const BASE = '127.0.204';
const HOSTS = 8;

/** The run refused to start: one `fleet-scan:` line, exit 2, and not one host touched. */
function expectRefusedBeforeScan(run: CliRun, line: string): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toBe(`fleet-scan: ${line}\n`);
  expect(run.stdout).toBe('');
}

describe.sequential('disk full or unwritable, for the reports and for the history', () => {
  let dir: string;
  let releaseLabTurn: (() => void) | undefined;
  let lab: Lab | undefined;
  let inventory: string;
  let checks: string;
  const disks: SmallDisk[] = [];

  const disk = (name: string, size = '256k'): SmallDisk => {
    const d = mountSmallDisk(path.join(dir, name), size);
    disks.push(d);
    return d;
  };

  beforeAll(async () => {
    releaseLabTurn = await takeLabTurn();
    dir = mkdtempSync(path.join(tmpdir(), 'fs-faults-disk-'));
    lab = await startFleet({ dir: path.join(dir, 'lab'), base: BASE, count: 2, states: healthyStates(path.join(dir, 'states'), 2) });
    const slow = `${fakeShell('fake-powershell-works-for.sh')} 2`;
    inventory = writeInventory(path.join(dir, 'fleet.json'), lab, Array.from({ length: HOSTS }, (_, i) => ({
      name: `host${i + 1}`, address: lab!.hosts[i % 2]!.address, shell: slow,
    })), { transport: 'ssh-exec' });
    // Eight checks make a journal line of over a kilobyte: a disk filled mid-run refuses the next host's line
    // soon (tmpfs hands out whole pages, and the journal's last one has room for a line or two).
    const { pack } = await loadMarsInventory(inventory);
    checks = pack.checks.filter((c) => c.kind === 'host').slice(0, 8).map((c) => c.id).join(',');
  }, 720_000);

  afterAll(async () => {
    for (const d of disks) d.unmount();
    await endLabTurn(releaseLabTurn, dir, lab);
  });

  /** Starts a scan, fills `disk` once two hosts have finished, and waits for the scan's end. */
  async function fillMidRun(disk: SmallDisk, args: string[]): Promise<CliRun> {
    const cli = startCli(args);
    expect(await eventually(() => hostsDone(cli.stderr()).length >= 2, 60_000), cli.stderr()).toBe(true);
    disk.fill();
    const run = await cli.done;
    expect(expectNoStack(run.stderr)).toBe(true);
    return run;
  }

  const scan = (out: string, history: string | false, extra: string[] = []) =>
    ['scan', '-i', inventory, '-o', out, ...(history === false ? ['--no-history'] : ['--history', history]), '-c', '1', '--deadline', '60s', '--checks', checks, ...extra];

  it('refuses to start, in one line naming the folder, when the reports\' folder or the history is on a full disk', async () => {
    const full = disk('full');
    full.fill();
    const out = path.join(full.dir, 'out');
    expectRefusedBeforeScan(await runCli(scan(out, false)), `out-dir ${out}: cannot write: disk full`);
    const history = path.join(full.dir, 'history.sqlite');
    expectRefusedBeforeScan(await runCli(scan(path.join(dir, 'out-ok'), history)), `history ${history}: cannot write: disk full`);
    expect(existsSync(`${history}.lock`)).toBe(false);
  }, 60_000);

  it('refuses to start when the reports\' folder or the history is read-only or under a regular file', async () => {
    const ro = disk('ro');
    ro.readOnly();
    const file = path.join(dir, 'a-file');
    writeFileSync(file, 'not a folder\n');
    expectRefusedBeforeScan(await runCli(scan(path.join(ro.dir, 'out'), false)), `out-dir ${path.join(ro.dir, 'out')}: cannot create: read-only file system`);
    expectRefusedBeforeScan(await runCli(scan(ro.dir, false)), `out-dir ${ro.dir}: cannot write: read-only file system`);
    expectRefusedBeforeScan(await runCli(scan(path.join(file, 'out'), false)), `out-dir ${path.join(file, 'out')}: cannot create: a file is in the way`);
    const roHistory = path.join(ro.dir, 'history.sqlite');
    expectRefusedBeforeScan(await runCli(scan(path.join(dir, 'out-ok'), roHistory)), `history ${roHistory}: cannot write: read-only file system`);
    const underFile = path.join(file, 'history.sqlite');
    expectRefusedBeforeScan(await runCli(scan(path.join(dir, 'out-ok'), underFile)), `history ${underFile}: cannot create its folder: a file is in the way`);
  }, 60_000);

  it('keeps the journal and every finished host when the reports\' disk fills mid-run, says where, and --resume finishes the run once there is room', async () => {
    const small = disk('fills', '512k');
    const out = path.join(small.dir, 'out');
    const history = path.join(dir, 'fills.sqlite');
    const run = await fillMidRun(small, scan(out, history));
    const journalFile = readdirSync(out).filter((f) => f.endsWith('.journal.jsonl')).map((f) => path.join(out, f))[0]!;
    expect(run.stderr).toMatch(new RegExp(`^error: journal ${journalFile}: cannot write: disk full; .+$`, 'm'));
    expect(run.stderr).toMatch(/^error: json report not written to .+: disk full$/m);
    expect(run.stderr).toMatch(/^error: xlsx report not written to .+: disk full$/m);
    // Every host finished: the summary and the history (on another disk) hold all of them.
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${HOSTS} hosts`);
    const store = openHistory(history);
    const saved = store.listRuns()[0]!;
    const kept = store.getRun(saved.runId)!;
    store.close();
    expect(kept.hosts.map((h) => h.status)).toEqual(Array.from({ length: HOSTS }, () => 'ok'));
    // The journal holds what it had written before the disk filled, readable, a torn last line at most.
    const journal = readJournal(journalFile);
    expect(journal.finished.size).toBeGreaterThanOrEqual(2);
    for (const [name, host] of journal.finished) expect(kept.hosts.find((h) => h.name === name)!.startedAt).toBe(host.startedAt);

    small.free();
    const resumed = await runCli(['scan', '--resume', journal.header.runId, '-o', out, '--history', history]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr.split('\n').filter((l) => l.startsWith('error:'))).toEqual([]);
    const record = readRecord(path.join(out, `fleet-scan-${journal.header.runId}.json`));
    expect(record.hosts.map((h) => h.status)).toEqual(Array.from({ length: HOSTS }, () => 'ok'));
    // Hosts journaled before the disk filled were not scanned again.
    for (const [name, host] of journal.finished) expect(record.hosts.find((h) => h.name === name)!.startedAt).toBe(host.startedAt);
    expect(readJournal(journalFile).finished.size).toBe(HOSTS);
  }, 180_000);

  it('writes every report and keeps the history as it was when the history\'s disk fills mid-run, and says so in one line', async () => {
    const small = disk('history-fills', '1m');
    const history = path.join(small.dir, 'history.sqlite');
    const first = await runCli(scan(path.join(dir, 'out-history-1'), history, ['--host', 'host1']));
    expect(first.code, first.stderr).toBe(0);
    const out = path.join(dir, 'out-history-2');
    const run = await fillMidRun(small, scan(out, history));
    expect(run.stderr).toMatch(new RegExp(`^error: history ${history}: this run was not saved: database or disk is full$`, 'm'));
    expect(run.code, run.stderr).toBe(0);
    const json = readdirSync(out).find((f) => f.endsWith('.json'))!;
    expect(readRecord(path.join(out, json)).hosts).toHaveLength(HOSTS);
    expect(readdirSync(out).some((f) => f.endsWith('.xlsx'))).toBe(true);
    small.free();
    // The history is intact: the earlier run is there, this one is not, and SQLite finds no damage.
    const store = openHistory(history);
    try {
      expect(store.listRuns().map((r) => r.hostCount)).toEqual([1]);
      expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      store.close();
    }
  }, 180_000);
});
