import type Database from 'better-sqlite3';

/** One schema step. Runs inside a transaction together with the `user_version` bump. */
export type Migration = (db: Database.Database) => void;

/**
 * The history schema, oldest first. Never edit or reorder an entry that has shipped:
 * add a new one at the end. The database's `PRAGMA user_version` is the number applied.
 */
export const MIGRATIONS: readonly Migration[] = [
  // v1: runs and their per-check results.
  (db) => {
    db.exec(`
      CREATE TABLE runs (
        run_id            TEXT PRIMARY KEY,
        inventory_key     TEXT NOT NULL,
        pack              TEXT NOT NULL,
        started_at        TEXT NOT NULL,
        finished_at       TEXT NOT NULL,
        duration_ms       INTEGER NOT NULL,
        host_count        INTEGER NOT NULL,
        fail_hosts        INTEGER NOT NULL,
        unreachable_hosts INTEGER NOT NULL,
        interrupted       INTEGER NOT NULL,
        record_json       BLOB NOT NULL
      );
      CREATE TABLE results (
        run_id        TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
        host          TEXT NOT NULL,
        check_id      TEXT NOT NULL,
        status        TEXT NOT NULL,
        summary       TEXT NOT NULL,
        evidence_hash TEXT NOT NULL,
        PRIMARY KEY (run_id, host, check_id)
      );
    `);
  },
  // v2: indexes for "previous run of this inventory" and "history of one host's check".
  (db) => {
    db.exec(`
      CREATE INDEX runs_by_inventory ON runs (inventory_key, pack, started_at);
      CREATE INDEX runs_by_start ON runs (started_at);
      CREATE INDEX results_by_host_check ON results (host, check_id, run_id);
    `);
  },
];

export type MigrationOutcome =
  | { ok: true; from: number; to: number; applied: number }
  | { ok: false; from: number; known: number };

/**
 * Brings the database up to the newest schema. Each step and its version bump commit together,
 * so a crash between steps leaves a database that the next open simply continues.
 * A database newer than this code is left untouched and reported, never downgraded.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): MigrationOutcome {
  const from = readUserVersion(db);
  if (from > migrations.length) return { ok: false, from, known: migrations.length };
  // The version is read again inside each write transaction: another process opening the same
  // new file at the same moment may have applied the step while this one waited for the lock.
  const stepOnce = db.transaction(() => {
    const version = readUserVersion(db);
    if (version >= migrations.length) return false;
    migrations[version]!(db);
    // user_version lives in the database header, which the transaction covers.
    db.pragma(`user_version = ${version + 1}`);
    return true;
  });
  let applied = 0;
  while (stepOnce.immediate()) applied++;
  return { ok: true, from, to: migrations.length, applied };
}

export function readUserVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
