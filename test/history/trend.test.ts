import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { diffRuns } from '../../src/history/diff.js';
import { openHistory, type HistoryStore } from '../../src/history/store.js';
import { isReadyHost, readTrend, trendPoint } from '../../src/history/trend.js';
import { runRecordSchema, type RunRecord } from '../../src/record/run-record.js';
import { host, outcome, runRecord } from './helpers/records.js';

let dir: string;
const open: HistoryStore[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-trend-'));
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

/** Night `n` of a three-host fleet: fs01 fails the clock from night 2 on, fs03 is down on night 3. */
function night(n: number, extra: Partial<RunRecord> = {}): RunRecord {
  const startedAt = `2026-11-${String(20 + n).padStart(2, '0')}T02:00:00.000Z`;
  return runRecord({
    startedAt,
    runId: `night-${n}`,
    hosts: [
      host('fs01', [outcome('mars-clock-skew', n >= 2 ? 'fail' : 'pass'), outcome('mars-dotnet-version', 'pass')]),
      host('fs02', [outcome('mars-clock-skew', 'pass'), outcome('mars-dotnet-version', 'warn')]),
      n === 3
        ? host('fs03', [outcome('mars-clock-skew', 'not-run'), outcome('mars-dotnet-version', 'not-run')], { status: 'unreachable', reason: 'refused' })
        : host('fs03', [outcome('mars-clock-skew', 'pass'), outcome('mars-dotnet-version', 'pass')]),
    ],
    ...extra,
  });
}

/** Saves nights 1..count the way a scan does: compared with the one before, then stored. */
function saveNights(store: HistoryStore, count: number): RunRecord[] {
  const saved: RunRecord[] = [];
  for (let n = 1; n <= count; n++) {
    let record = night(n);
    const previous = saved.at(-1);
    if (previous) record = { ...record, changes: diffRuns(previous, record) };
    store.saveRun(record);
    saved.push(record);
  }
  return saved;
}

describe('isReadyHost', () => {
  it('is ready only when scanned and every check passed, warned, was skipped or waived', () => {
    expect(isReadyHost(host('a', [outcome('x', 'pass'), outcome('y', 'warn'), outcome('z', 'skipped'), outcome('w', 'waived')]))).toBe(true);
    expect(isReadyHost(host('a', [outcome('x', 'pass'), outcome('y', 'fail')]))).toBe(false);
    expect(isReadyHost(host('a', [outcome('x', 'error')]))).toBe(false);
    expect(isReadyHost(host('a', [outcome('x', 'not-run')]))).toBe(false);
    expect(isReadyHost(host('a', [outcome('x', 'pass')], { status: 'timeout' }))).toBe(false);
  });
});

describe('trendPoint', () => {
  it('counts hosts, ready, failing and unreachable hosts, and new failures from the run\'s own comparison', () => {
    const second = { ...night(2), changes: diffRuns(night(1), night(2)) };
    expect(trendPoint(night(3))).toEqual({
      runId: 'night-3', startedAt: '2026-11-23T02:00:00.000Z', hosts: 3, readyHosts: 1, failingHosts: 1, unreachableHosts: 1, newFailures: null,
    });
    expect(trendPoint(second).newFailures).toBe(1);
  });
});

describe('readTrend', () => {
  it('lists the earlier runs of the same inventory and pack oldest first, ending with this run', () => {
    const store = openFresh('basic');
    const saved = saveNights(store, 3);
    const current = { ...night(4), changes: diffRuns(saved[2]!, night(4)) };
    const trend = readTrend(store, current);
    expect(trend.map((p) => p.runId)).toEqual(['night-1', 'night-2', 'night-3', 'night-4']);
    expect(trend.map((p) => [p.readyHosts, p.failingHosts, p.unreachableHosts, p.newFailures])).toEqual([
      [3, 0, 0, null],
      [2, 1, 0, 1],
      [1, 1, 1, 0],
      [2, 1, 0, 0],
    ]);
  });

  it('keeps only the newest runs up to the limit, this run included', () => {
    const store = openFresh('limit');
    saveNights(store, 5);
    expect(readTrend(store, night(6), 3).map((p) => p.runId)).toEqual(['night-4', 'night-5', 'night-6']);
  });

  it('leaves out other inventories, other packs, interrupted runs and later runs', () => {
    const store = openFresh('filters');
    saveNights(store, 2);
    store.saveRun(night(3, { runId: 'other-inventory', inventory: { path: 'b.json', key: 'inv-b', hostCount: 3 } }));
    store.saveRun(night(3, { runId: 'other-pack', pack: { name: 'other', version: '1.0.0' } }));
    store.saveRun(night(3, { runId: 'interrupted', interrupted: true }));
    store.saveRun(night(9, { runId: 'later' }));
    expect(readTrend(store, night(4)).map((p) => p.runId)).toEqual(['night-1', 'night-2', 'night-4']);
  });

  it('does not count this run twice when it was saved already', () => {
    const store = openFresh('saved');
    const saved = saveNights(store, 2);
    expect(readTrend(store, saved[1]!).map((p) => p.runId)).toEqual(['night-1', 'night-2']);
  });

  it('skips a stored run that cannot be read instead of failing the scan', () => {
    const store = openFresh('corrupt');
    saveNights(store, 2);
    store.db.prepare('UPDATE runs SET record_json = ? WHERE run_id = ?').run(Buffer.from('not json'), 'night-1');
    expect(readTrend(store, night(3)).map((p) => p.runId)).toEqual(['night-2', 'night-3']);
  });

  it('gives a trend the run record schema accepts', () => {
    const store = openFresh('schema');
    saveNights(store, 2);
    const record = { ...night(3), trend: readTrend(store, night(3)) };
    expect(runRecordSchema.parse(record).trend).toHaveLength(3);
  });
});
