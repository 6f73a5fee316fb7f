import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { defaultHistoryPath, evidenceHash, HistoryError, openHistory, type HistoryStore } from '../../src/history/store.js';
import type { RunRecord } from '../../src/record/run-record.js';
import { buildHistoryForChildren, FIXTURES } from './helpers/child-build.js';
import { host, outcome, runRecord } from './helpers/records.js';

let dir: string;
const open: HistoryStore[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-store-'));
});
afterEach(() => {
  for (const store of open.splice(0)) store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function openFresh(name: string): HistoryStore {
  const store = openHistory(path.join(dir, name, 'history.sqlite'));
  open.push(store);
  return store;
}

function nightly(startedAt: string, key = 'inv-a', status: 'pass' | 'fail' = 'pass'): RunRecord {
  return runRecord({
    startedAt,
    runId: `run-${key}-${startedAt}`,
    inventory: { path: '/etc/fleet-scan/inventory.json', key, hostCount: 2 },
    hosts: [
      host('fs01', [outcome('mars-clock-skew', status, 'clock off by 312 s', ['offset=312'])]),
      host('fs02', [], { status: 'unreachable', reason: 'ssh: connect to host fs02 port 22: Connection refused' }),
    ],
  });
}

describe('defaultHistoryPath', () => {
  test('uses XDG_STATE_HOME when it is an absolute path', () => {
    expect(defaultHistoryPath({ XDG_STATE_HOME: '/var/state' }, 'linux', '/home/op')).toBe('/var/state/fleet-scan/history.sqlite');
  });

  test('falls back to ~/.local/state when XDG_STATE_HOME is unset or relative', () => {
    expect(defaultHistoryPath({}, 'linux', '/home/op')).toBe('/home/op/.local/state/fleet-scan/history.sqlite');
    expect(defaultHistoryPath({ XDG_STATE_HOME: 'state' }, 'linux', '/home/op')).toBe('/home/op/.local/state/fleet-scan/history.sqlite');
  });

  test('uses LOCALAPPDATA on Windows', () => {
    expect(defaultHistoryPath({ LOCALAPPDATA: 'C:\\Users\\op\\AppData\\Local' }, 'win32', 'C:\\Users\\op'))
      .toBe('C:\\Users\\op\\AppData\\Local\\fleet-scan\\history.sqlite');
  });
});

describe('openHistory', () => {
  test('creates missing parent folders and a WAL-mode database', () => {
    const store = openFresh('a/b/c');
    expect(existsSync(store.file)).toBe(true);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
  });

  test('a file that is not a database gives a one-line HistoryError naming the file', () => {
    const file = path.join(dir, 'garbage.sqlite');
    writeFileSync(file, 'this is not sqlite, just text that is long enough to have a header'.repeat(20));
    expect(() => openHistory(file)).toThrow(HistoryError);
    expect(() => openHistory(file)).toThrow(`history ${file}: file is not a database`);
  });
});

describe('saveRun and reading back', () => {
  test('two saved runs read back equal to what was saved, newest listed first', () => {
    const store = openFresh('two-runs');
    const first = nightly('2026-11-24T02:00:00.000Z');
    const second = nightly('2026-11-25T02:00:00.000Z', 'inv-a', 'fail');
    store.saveRun(first);
    store.saveRun(second);

    expect(store.getRun(first.runId)).toEqual(first);
    expect(store.getRun(second.runId)).toEqual(second);
    expect(store.getRun('no-such-run')).toBeUndefined();
    expect(store.listRuns().map((r) => r.runId)).toEqual([second.runId, first.runId]);
    expect(store.listRuns()[0]).toEqual({
      runId: second.runId,
      inventoryKey: 'inv-a',
      pack: 'mars',
      startedAt: '2026-11-25T02:00:00.000Z',
      finishedAt: '2026-11-25T02:00:00.000Z',
      durationMs: 60_000,
      hostCount: 2,
      failHosts: 1,
      unreachableHosts: 1,
      interrupted: false,
    });
  });

  test('each check outcome is a results row with its status, summary and evidence hash', () => {
    const store = openFresh('results-rows');
    const record = nightly('2026-11-25T02:00:00.000Z', 'inv-a', 'fail');
    store.saveRun(record);
    expect(store.db.prepare('SELECT run_id, host, check_id, status, summary, evidence_hash FROM results').all()).toEqual([
      {
        run_id: record.runId,
        host: 'fs01',
        check_id: 'mars-clock-skew',
        status: 'fail',
        summary: 'clock off by 312 s',
        evidence_hash: evidenceHash(['offset=312']),
      },
    ]);
  });

  test('saving a run id again replaces it instead of duplicating it', () => {
    const store = openFresh('resave');
    const record = nightly('2026-11-25T02:00:00.000Z');
    store.saveRun(record);
    store.saveRun({ ...record, durationMs: 5 });
    expect(store.listRuns()).toHaveLength(1);
    expect(store.getRun(record.runId)?.durationMs).toBe(5);
    expect(store.db.prepare('SELECT count(*) FROM results').pluck().get()).toBe(1);
  });

  test('listRuns filters by inventory key and honours the limit', () => {
    const store = openFresh('list-filter');
    store.saveRun(nightly('2026-11-23T02:00:00.000Z', 'inv-a'));
    store.saveRun(nightly('2026-11-24T02:00:00.000Z', 'inv-b'));
    store.saveRun(nightly('2026-11-25T02:00:00.000Z', 'inv-a'));
    expect(store.listRuns({ inventoryKey: 'inv-b' }).map((r) => r.startedAt)).toEqual(['2026-11-24T02:00:00.000Z']);
    expect(store.listRuns({ inventoryKey: 'inv-a', limit: 1 }).map((r) => r.startedAt)).toEqual(['2026-11-25T02:00:00.000Z']);
  });
});

describe('previousRun and lastTwoRuns', () => {
  test('previousRun finds the newest earlier complete run of the same inventory and pack', () => {
    const store = openFresh('previous');
    const a1 = nightly('2026-11-22T02:00:00.000Z', 'inv-a');
    const a2 = nightly('2026-11-23T02:00:00.000Z', 'inv-a');
    const b1 = nightly('2026-11-24T02:00:00.000Z', 'inv-b');
    const a3Interrupted = { ...nightly('2026-11-24T03:00:00.000Z', 'inv-a'), interrupted: true };
    const a4 = nightly('2026-11-25T02:00:00.000Z', 'inv-a');
    for (const record of [a1, a2, b1, a3Interrupted, a4]) store.saveRun(record);

    expect(store.previousRun('inv-a', 'mars', a4.startedAt)?.runId).toBe(a2.runId);
    expect(store.previousRun('inv-a', 'mars', a2.startedAt)?.runId).toBe(a1.runId);
    expect(store.previousRun('inv-a', 'mars', a1.startedAt)).toBeUndefined();
    expect(store.previousRun('inv-b', 'mars', a4.startedAt)?.runId).toBe(b1.runId);
    expect(store.previousRun('inv-a', 'other-pack', a4.startedAt)).toBeUndefined();
  });

  test('previousRun compares instants, not text, when the given time has an offset', () => {
    const store = openFresh('previous-offset');
    const early = nightly('2026-11-25T01:30:00.000Z');
    store.saveRun(early);
    // 02:00 at +01:00 is 01:00Z, before the saved run.
    expect(store.previousRun('inv-a', 'mars', '2026-11-25T02:00:00+01:00')).toBeUndefined();
    expect(store.previousRun('inv-a', 'mars', '2026-11-25T03:00:00+01:00')?.runId).toBe(early.runId);
  });

  test('lastTwoRuns gives the newest run and the run before it of the same inventory', () => {
    const store = openFresh('last-two');
    const a1 = nightly('2026-11-23T02:00:00.000Z', 'inv-a');
    const b1 = nightly('2026-11-24T02:00:00.000Z', 'inv-b');
    const a2 = nightly('2026-11-25T02:00:00.000Z', 'inv-a');
    expect(store.lastTwoRuns()).toBeUndefined();
    for (const record of [a1, b1, a2]) store.saveRun(record);
    const pair = store.lastTwoRuns();
    expect([pair?.previous.runId, pair?.current.runId]).toEqual([a1.runId, a2.runId]);
    expect(store.lastTwoRuns('inv-b')).toBeUndefined();
  });
});

describe('prune', () => {
  test('keep N deletes all but the newest N runs of each inventory, with their results', () => {
    const store = openFresh('prune-keep');
    const days = ['21', '22', '23', '24', '25'].map((d) => nightly(`2026-11-${d}T02:00:00.000Z`, 'inv-a'));
    const other = nightly('2026-11-01T02:00:00.000Z', 'inv-b');
    for (const record of [...days, other]) store.saveRun(record);

    expect(store.prune({ keep: 2 })).toBe(3);
    expect(store.listRuns().map((r) => r.runId)).toEqual([days[4]!.runId, days[3]!.runId, other.runId]);
    expect(store.db.prepare('SELECT count(*) FROM results').pluck().get()).toBe(3);
  });

  test('olderThanMs deletes runs that started before the cutoff and vacuum keeps the file usable', () => {
    const store = openFresh('prune-age');
    const old = nightly('2026-10-01T02:00:00.000Z');
    const recent = nightly('2026-11-24T02:00:00.000Z');
    store.saveRun(old);
    store.saveRun(recent);
    const day = 86_400_000;
    expect(store.prune({ olderThanMs: 30 * day, now: new Date('2026-11-25T02:00:00.000Z'), vacuum: true })).toBe(1);
    expect(store.listRuns().map((r) => r.runId)).toEqual([recent.runId]);
    expect(store.prune({ olderThanMs: 30 * day, now: new Date('2026-11-25T02:00:00.000Z') })).toBe(0);
  });
});

describe('a crash during saveRun', () => {
  let build: ReturnType<typeof buildHistoryForChildren>;
  beforeAll(() => {
    build = buildHistoryForChildren();
  });
  afterAll(() => build.remove());

  test('a writer SIGKILLed inside its transaction leaves every earlier run readable and no trace of its own', async () => {
    const file = path.join(dir, 'crash', 'history.sqlite');
    const earlier = [nightly('2026-11-23T02:00:00.000Z'), nightly('2026-11-24T02:00:00.000Z', 'inv-a', 'fail')];
    const seed = openHistory(file);
    for (const record of earlier) seed.saveRun(record);
    seed.close();

    const checks = Array.from({ length: 30 }, (_, i) => `mars-check-${String(i).padStart(2, '0')}`);
    const big = runRecord({
      startedAt: '2026-11-25T02:00:00.000Z',
      runId: 'big-run',
      hosts: Array.from({ length: 800 }, (_, h) =>
        host(`host-${String(h).padStart(4, '0')}`, checks.map((id) => outcome(id, 'warn', `finding on ${id}`, [`evidence line for ${id} on host ${h}`.repeat(4)])))),
    });
    const recordFile = path.join(dir, 'crash', 'big.json');
    writeFileSync(recordFile, JSON.stringify(big));

    const child = spawn(process.execPath, [path.join(FIXTURES, 'save-run-and-hang.mjs'), build.dir, file, recordFile, 'host-0600'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const said = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('\n')) resolve(out.trim());
      });
      child.on('exit', () => resolve(`exited early: ${out} ${stderr}`));
    });
    expect(said).toBe('inside-transaction');
    // The uncommitted transaction has spilled pages into the WAL: the kill lands mid-write.
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const exited = new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const after = openHistory(file);
    open.push(after);
    expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(after.listRuns().map((r) => r.runId)).toEqual([earlier[1]!.runId, earlier[0]!.runId]);
    for (const record of earlier) expect(after.getRun(record.runId)).toEqual(record);
    expect(after.getRun('big-run')).toBeUndefined();
    expect(after.db.prepare("SELECT count(*) FROM results WHERE run_id = 'big-run'").pluck().get()).toBe(0);
    // And the history takes new runs afterwards.
    const next = nightly('2026-11-26T02:00:00.000Z');
    after.saveRun(next);
    expect(after.getRun(next.runId)).toEqual(next);
  });
});

describe('stored records', () => {
  test('the record is stored compressed, and a tampered record gives a one-line HistoryError', () => {
    const store = openFresh('tampered');
    const record = nightly('2026-11-25T02:00:00.000Z');
    store.saveRun(record);
    const blob = store.db.prepare('SELECT record_json FROM runs').pluck().get() as Buffer;
    expect([blob[0], blob[1]]).toEqual([0x1f, 0x8b]);

    const raw = new Database(store.file);
    raw.prepare('UPDATE runs SET record_json = ?').run(Buffer.from(JSON.stringify({ ...record, schema: 'other' })));
    raw.close();
    expect(() => store.getRun(record.runId)).toThrow(
      `history ${store.file}: run ${record.runId} is unreadable: schema: Invalid input: expected "fleet-scan/run@2"`,
    );
  });
});
