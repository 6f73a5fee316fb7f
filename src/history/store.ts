import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { runRecordSchema, type HostResult, type RunRecord } from '../record/run-record.js';
import { UNSEEN_HOST_STATUSES } from '../policy/exit-code.js';
import { errorLine } from '../record/one-line.js';
import { makePrivateDirSync, touchPrivateFileSync } from '../record/private-files.js';
import { firstIssue } from '../record/zod-issue.js';
import { migrate, MIGRATIONS, readUserVersion } from './migrations.js';

const BUSY_TIMEOUT_MS = 10_000;
const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** A one-line, user-facing history failure (bad file, newer schema, unreadable record). */
export class HistoryError extends Error {
  override name = 'HistoryError';
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}

/** One row of `listRuns`: what a "history" listing shows without unpacking the records. */
export interface RunSummary {
  runId: string;
  inventoryKey: string;
  pack: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  hostCount: number;
  failHosts: number;
  unreachableHosts: number;
  interrupted: boolean;
}

export type PruneOptions = {
  /** Delete runs that started longer ago than this. */
  olderThanMs?: number;
  /** Keep only the newest this many runs of each inventory and pack. */
  keep?: number;
  /** Give the freed pages back to the file system. */
  vacuum?: boolean;
  now?: Date;
};

export interface HistoryStore {
  readonly file: string;
  /** How many schema steps this open applied (0 when the file was already current). */
  readonly migrated: number;
  /** The connection itself, for ad-hoc queries. */
  readonly db: Database.Database;
  saveRun(record: RunRecord): void;
  listRuns(options?: { inventoryKey?: string; limit?: number }): RunSummary[];
  getRun(runId: string): RunRecord | undefined;
  previousRun(inventoryKey: string, pack: string, beforeStartedAt: string): RunRecord | undefined;
  lastTwoRuns(inventoryKey?: string): { previous: RunRecord; current: RunRecord } | undefined;
  prune(options: PruneOptions): number;
  close(): void;
}

/** Where the history lives when the user does not say: the per-user state directory. */
export function defaultHistoryPath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    const base = env.LOCALAPPDATA || path.win32.join(env.USERPROFILE || home, 'AppData', 'Local');
    return path.win32.join(base, 'fleet-scan', 'history.sqlite');
  }
  // The XDG spec says a relative XDG_STATE_HOME is invalid and must be ignored.
  const state = env.XDG_STATE_HOME && path.posix.isAbsolute(env.XDG_STATE_HOME)
    ? env.XDG_STATE_HOME
    : path.posix.join(home, '.local', 'state');
  return path.posix.join(state, 'fleet-scan', 'history.sqlite');
}

/** Opens (creating if needed) and migrates the history database. Throws `HistoryError`. */
export function openHistory(file: string): HistoryStore {
  let db: Database.Database;
  try {
    makePrivateDirSync(path.dirname(path.resolve(file)));
    // SQLite creates its -wal and -shm files with the database file's mode: a 0600 database keeps all three private.
    touchPrivateFileSync(file);
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new HistoryError(`history ${file}: ${errorLine(error)}`, file);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Read before anything writes: switching a newer fleet-scan's database to WAL would already change it.
    const version = readUserVersion(db);
    if (version > MIGRATIONS.length) throw newerSchema(file, version, MIGRATIONS.length);
    db.pragma('journal_mode = WAL');
    // NORMAL is crash-safe in WAL mode; only the last commit may be lost on power failure.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const outcome = migrate(db);
    if (!outcome.ok) throw newerSchema(file, outcome.from, outcome.known);
    return createStore(db, file, outcome.applied);
  } catch (error) {
    db.close();
    if (error instanceof HistoryError) throw error;
    throw new HistoryError(`history ${file}: ${errorLine(error)}`, file);
  }
}

function newerSchema(file: string, version: number, known: number): HistoryError {
  return new HistoryError(`history ${file} was written by a newer fleet-scan (schema v${version}, this one reads up to v${known})`, file);
}

function createStore(db: Database.Database, file: string, migrated: number): HistoryStore {
  const insertRun = db.prepare(`
    INSERT INTO runs (run_id, inventory_key, pack, started_at, finished_at, duration_ms, host_count,
                      fail_hosts, unreachable_hosts, interrupted, record_json)
    VALUES (@runId, @inventoryKey, @pack, @startedAt, @finishedAt, @durationMs, @hostCount,
            @failHosts, @unreachableHosts, @interrupted, @recordJson)`);
  const deleteRun = db.prepare('DELETE FROM runs WHERE run_id = ?');
  const insertResult = db.prepare(`
    INSERT OR REPLACE INTO results (run_id, host, check_id, status, summary, evidence_hash)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const selectRecord = db.prepare('SELECT record_json FROM runs WHERE run_id = ?').pluck();
  const selectPrevious = db
    .prepare(`
      SELECT run_id FROM runs
      WHERE inventory_key = ? AND pack = ? AND started_at < ? AND interrupted = 0
      ORDER BY started_at DESC LIMIT 1`)
    .pluck();

  // Everything a run writes commits together: a crash part-way leaves the history as it was.
  const saveRunTx = db.transaction((record: RunRecord) => {
    deleteRun.run(record.runId);
    insertRun.run({
      runId: record.runId,
      inventoryKey: record.inventory.key,
      pack: record.pack.name,
      startedAt: normaliseTime(record.startedAt),
      finishedAt: normaliseTime(record.finishedAt),
      durationMs: record.durationMs,
      hostCount: record.hosts.length,
      failHosts: record.hosts.filter(hasFailure).length,
      unreachableHosts: record.hosts.filter((h) => UNSEEN_HOST_STATUSES.has(h.status)).length,
      interrupted: record.interrupted ? 1 : 0,
      recordJson: gzipSync(JSON.stringify(record)),
    });
    for (const host of record.hosts) {
      for (const check of host.checks) {
        insertResult.run(record.runId, host.name, check.id, check.status, check.summary, evidenceHash(check.evidence));
      }
    }
  });

  const getRun = (runId: string): RunRecord | undefined => {
    const blob = selectRecord.get(runId) as Buffer | undefined;
    return blob === undefined ? undefined : decodeRecord(blob, runId, file);
  };

  const previousRun = (inventoryKey: string, pack: string, beforeStartedAt: string) => {
    // Interrupted runs saw only part of the fleet; comparing with one would call every unseen finding new.
    const runId = selectPrevious.get(inventoryKey, pack, normaliseTime(beforeStartedAt)) as string | undefined;
    return runId === undefined ? undefined : getRun(runId);
  };

  const listRuns = ({ inventoryKey, limit = 50 }: { inventoryKey?: string; limit?: number } = {}) => {
    const where = inventoryKey === undefined ? '' : 'WHERE inventory_key = @inventoryKey';
    const rows = db
      .prepare(`
        SELECT run_id, inventory_key, pack, started_at, finished_at, duration_ms, host_count,
               fail_hosts, unreachable_hosts, interrupted
        FROM runs ${where} ORDER BY started_at DESC, rowid DESC LIMIT @limit`)
      .all(inventoryKey === undefined ? { limit } : { inventoryKey, limit }) as RunRow[];
    return rows.map(toSummary);
  };

  return {
    file,
    migrated,
    db,
    saveRun(record) {
      saveRunTx.immediate(record);
    },
    listRuns,
    getRun,
    previousRun,
    lastTwoRuns(inventoryKey) {
      const [latest] = listRuns({ inventoryKey, limit: 1 });
      if (latest === undefined) return undefined;
      const current = getRun(latest.runId);
      const previous = previousRun(latest.inventoryKey, latest.pack, latest.startedAt);
      return current && previous ? { previous, current } : undefined;
    },
    prune({ olderThanMs, keep, vacuum = false, now = new Date() }) {
      const deleted = db.transaction(() => {
        let count = 0;
        if (olderThanMs !== undefined) {
          const cutoff = new Date(now.getTime() - olderThanMs).toISOString();
          count += db.prepare('DELETE FROM runs WHERE started_at < ?').run(cutoff).changes;
        }
        if (keep !== undefined) {
          count += db
            .prepare(`
              DELETE FROM runs WHERE run_id IN (
                SELECT run_id FROM (
                  SELECT run_id, ROW_NUMBER() OVER (
                    PARTITION BY inventory_key, pack ORDER BY started_at DESC, rowid DESC) AS n
                  FROM runs)
                WHERE n > ?)`)
            .run(Math.max(0, Math.floor(keep))).changes;
        }
        return count;
      }).immediate();
      if (vacuum && deleted > 0) db.exec('VACUUM');
      return deleted;
    },
    close() {
      if (db.open) db.close();
    },
  };
}

interface RunRow {
  run_id: string;
  inventory_key: string;
  pack: string;
  started_at: string;
  finished_at: string;
  duration_ms: number;
  host_count: number;
  fail_hosts: number;
  unreachable_hosts: number;
  interrupted: number;
}

function toSummary(row: RunRow): RunSummary {
  return {
    runId: row.run_id,
    inventoryKey: row.inventory_key,
    pack: row.pack,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
    hostCount: row.host_count,
    failHosts: row.fail_hosts,
    unreachableHosts: row.unreachable_hosts,
    interrupted: row.interrupted === 1,
  };
}

function hasFailure(host: HostResult): boolean {
  return host.checks.some((c) => c.status === 'fail');
}

/** Short, stable fingerprint of a check's evidence, so SQL alone can tell "same finding, new facts". */
export function evidenceHash(evidence: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(evidence)).digest('hex').slice(0, 16);
}

// Stored times are UTC ISO strings so that text order is time order.
function normaliseTime(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

function decodeRecord(blob: Buffer, runId: string, file: string): RunRecord {
  try {
    const gzipped = blob[0] === GZIP_MAGIC[0] && blob[1] === GZIP_MAGIC[1];
    const text = (gzipped ? gunzipSync(blob) : blob).toString('utf8');
    const parsed = runRecordSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    throw new Error(firstIssue(parsed.error));
  } catch (error) {
    throw new HistoryError(`history ${file}: run ${runId} is unreadable: ${errorLine(error)}`, file);
  }
}
