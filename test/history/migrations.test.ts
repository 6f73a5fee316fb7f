import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrate, MIGRATIONS, readUserVersion, type Migration } from '../../src/history/migrations.js';
import { HistoryError, openHistory } from '../../src/history/store.js';
import { host, outcome, runRecord } from './helpers/records.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-migrations-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tables(db: Database.Database): string[] {
  return db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
}

describe('openHistory migrations', () => {
  test('opening a v0 database (an existing empty SQLite file) upgrades it to the newest schema', () => {
    const file = path.join(dir, 'v0.sqlite');
    const v0 = new Database(file);
    v0.exec('CREATE TABLE notes (text TEXT)');
    v0.prepare('INSERT INTO notes VALUES (?)').run('kept');
    expect(readUserVersion(v0)).toBe(0);
    v0.close();

    const store = openHistory(file);
    expect(store.migrated).toBe(MIGRATIONS.length);
    expect(readUserVersion(store.db)).toBe(MIGRATIONS.length);
    expect(tables(store.db)).toEqual(['notes', 'results', 'results_by_host_check', 'runs', 'runs_by_inventory', 'runs_by_start']);
    expect(store.db.prepare('SELECT text FROM notes').pluck().get()).toBe('kept');
    store.close();
  });

  test('reopening a current database applies nothing and keeps its runs', () => {
    const file = path.join(dir, 'reopen.sqlite');
    const record = runRecord({ hosts: [host('fs01', [outcome('mars-clock-skew', 'pass')])] });
    const first = openHistory(file);
    first.saveRun(record);
    first.close();

    const second = openHistory(file);
    expect(second.migrated).toBe(0);
    expect(readUserVersion(second.db)).toBe(MIGRATIONS.length);
    expect(second.getRun(record.runId)).toEqual(record);
    second.close();
  });

  test('a database from a newer fleet-scan is refused with one line and left untouched', () => {
    const file = path.join(dir, 'future.sqlite');
    const future = new Database(file);
    future.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    future.close();

    expect(() => openHistory(file)).toThrow(new HistoryError(
      `history ${file} was written by a newer fleet-scan (schema v${MIGRATIONS.length + 1}, this one reads up to v${MIGRATIONS.length})`,
      file,
    ));
    const after = new Database(file);
    expect(readUserVersion(after)).toBe(MIGRATIONS.length + 1);
    after.close();
  });
});

describe('migrate', () => {
  test('applies the steps in order, one version per step', () => {
    const db = new Database(':memory:');
    const seen: number[] = [];
    const steps: Migration[] = [0, 1, 2].map((n) => (d) => {
      seen.push(readUserVersion(d));
      d.exec(`CREATE TABLE t${n} (x)`);
    });
    expect(migrate(db, steps)).toEqual({ ok: true, from: 0, to: 3, applied: 3 });
    expect(seen).toEqual([0, 1, 2]);
    expect(migrate(db, steps)).toEqual({ ok: true, from: 3, to: 3, applied: 0 });
    db.close();
  });

  test('a step that throws is rolled back with its version bump, earlier steps stay applied', () => {
    const db = new Database(':memory:');
    const steps: Migration[] = [
      (d) => d.exec('CREATE TABLE good (x)'),
      (d) => {
        d.exec('CREATE TABLE half_done (x)');
        throw new Error('step 2 broke');
      },
    ];
    expect(() => migrate(db, steps)).toThrow('step 2 broke');
    expect(readUserVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['good']);
    db.close();
  });
});
