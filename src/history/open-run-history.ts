import { acquireHistoryLock } from './lock.js';
import { HistoryError, openHistory, type HistoryStore } from './store.js';

/** The history a scan records into, held under its lock until `close`. */
export interface RunHistory {
  readonly store: HistoryStore;
  /** Closes the database, then releases the lock. */
  close(): void;
}

export type OpenRunHistoryResult = { ok: true; history: RunHistory } | { ok: false; message: string };

/**
 * Locks, then opens the history: a second scan stops here, before it scans anything, with the one line
 * naming the holder. A database that cannot be opened (not a database, damaged, from a newer fleet-scan)
 * is the same kind of answer, its one line, and leaves no lock behind.
 */
export function openRunHistory(file: string): OpenRunHistoryResult {
  const locked = acquireHistoryLock(file);
  if (!locked.ok) return { ok: false, message: locked.message };
  let store: HistoryStore;
  try {
    store = openHistory(file);
  } catch (error) {
    locked.lock.release();
    if (error instanceof HistoryError) return { ok: false, message: error.message };
    throw error;
  }
  return {
    ok: true,
    history: {
      store,
      close() {
        store.close();
        locked.lock.release();
      },
    },
  };
}
