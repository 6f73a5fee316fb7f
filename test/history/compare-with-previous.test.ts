import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { compareWithPrevious } from '../../src/history/compare-with-previous.js';
import { openHistory } from '../../src/history/store.js';
import { host, outcome, runRecord } from './helpers/records.js';

const dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const night = (startedAt: string, status: 'pass' | 'fail', key = 'inv-a') =>
  runRecord({ startedAt, inventory: { path: '/inv.json', key, hostCount: 1 }, hosts: [host('fs01', [outcome('mars-a', status)])] });

describe('compareWithPrevious', () => {
  test('fills in what changed since the previous run of the same inventory and pack', () => {
    const store = openHistory(path.join(dir, 'a.sqlite'));
    store.saveRun(night('2026-11-24T02:00:00.000Z', 'pass'));
    const compared = compareWithPrevious(store, night('2026-11-25T02:00:00.000Z', 'fail'));
    store.close();
    expect(compared.changes?.previousRunId).toBe('run-2026-11-24T02:00:00.000Z');
    expect(compared.changes?.changes.map((c) => `${c.kind} ${c.host} ${c.check}`)).toEqual(['new-failure fs01 mars-a']);
  });

  test('leaves changes null when the history holds no earlier run of that inventory', () => {
    const store = openHistory(path.join(dir, 'b.sqlite'));
    store.saveRun(night('2026-11-24T02:00:00.000Z', 'pass', 'another-inventory'));
    const record = night('2026-11-25T02:00:00.000Z', 'fail');
    expect(compareWithPrevious(store, record)).toBe(record);
    store.close();
  });
});
