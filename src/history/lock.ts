import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import path from 'node:path';
import { fileErrorText } from '../record/file-error.js';
import { makePrivateDirSync, PRIVATE_FILE_MODE } from '../record/private-files.js';

/** What the lock file holds: enough to name the holder and to tell whether it is still alive. */
export interface LockHolder {
  pid: number;
  startedAt: string;
  host: string;
}

export interface HistoryLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): void;
}

export type LockResult =
  | { ok: true; lock: HistoryLock; tookOverFrom?: LockHolder }
  | { ok: false; message: string; holder: LockHolder | undefined };

// A lock file this young with no readable content is being written right now, not abandoned.
const UNREADABLE_GRACE_MS = 10_000;
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export function lockPathFor(historyFile: string): string {
  return `${historyFile}.lock`;
}

/**
 * Takes the exclusive lock on a history database: a `<db>.lock` file created with `wx`.
 * A lock left by a process that no longer exists (or that predates the last boot) is taken over.
 * The lock is released on exit and on SIGINT/SIGTERM.
 */
export function acquireHistoryLock(historyFile: string, now: Date = new Date()): LockResult {
  const file = lockPathFor(historyFile);
  const mine: LockHolder = { pid: process.pid, startedAt: now.toISOString(), host: hostname() };
  let tookOverFrom: LockHolder | undefined;
  try {
    makePrivateDirSync(path.dirname(path.resolve(file)));
  } catch (error) {
    return { ok: false, message: `history ${historyFile}: cannot create its folder: ${fileErrorText(error)}`, holder: undefined };
  }
  // Two rounds: the first may find a stale lock and remove it; the second creates ours.
  for (let round = 0; round < 2; round++) {
    const created = tryCreate(file, mine);
    if (created === true) return { ok: true, lock: holdLock(file, mine), ...(tookOverFrom && { tookOverFrom }) };
    if (created !== 'exists') return { ok: false, message: `history ${historyFile}: cannot create ${file}: ${created}`, holder: undefined };

    const raw = readQuietly(file);
    if (raw === undefined) continue; // released between our attempt and the read
    const holder = parseHolder(raw);
    if (holder === undefined) {
      if (ageMs(file, now) < UNREADABLE_GRACE_MS) return { ok: false, message: inUseMessage(historyFile, undefined, now), holder };
    } else if (isAlive(holder)) {
      return { ok: false, message: inUseMessage(historyFile, holder, now), holder };
    }
    // Stale. Re-read just before removing, so a lock another process took over meanwhile survives.
    if (readQuietly(file) === raw) {
      removeQuietly(file);
      tookOverFrom = holder;
    }
  }
  const raw = readQuietly(file);
  const holder = raw === undefined ? undefined : parseHolder(raw);
  return { ok: false, message: inUseMessage(historyFile, holder, now), holder };
}

/** The one line a second run prints. */
export function inUseMessage(historyFile: string, holder: LockHolder | undefined, now: Date = new Date()): string {
  const who = holder === undefined ? 'another fleet-scan' : `fleet-scan pid ${holder.pid}`;
  const since = holder === undefined ? '' : ` since ${formatSince(new Date(holder.startedAt), now)}`;
  const where = holder !== undefined && holder.host !== hostname() ? ` on ${holder.host}` : '';
  return `history ${historyFile} is in use by ${who}${where}${since}; wait for it or use --no-history`;
}

// Local wall-clock time; the date too when the lock is not from today.
function formatSince(started: Date, now: Date): string {
  if (Number.isNaN(started.getTime())) return 'an unknown time';
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(started.getHours())}:${pad(started.getMinutes())}:${pad(started.getSeconds())}`;
  const day = `${started.getFullYear()}-${pad(started.getMonth() + 1)}-${pad(started.getDate())}`;
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return day === today ? time : `${day} ${time}`;
}

function tryCreate(file: string, holder: LockHolder): true | 'exists' | string {
  let fd: number;
  try {
    fd = openSync(file, 'wx', PRIVATE_FILE_MODE);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return 'exists';
    return fileErrorText(error);
  }
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function holdLock(file: string, holder: LockHolder): HistoryLock {
  const ownContent = `${JSON.stringify(holder)}\n`;
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.removeListener('exit', release);
    for (const signal of SIGNALS) process.removeListener(signal, onSignal);
    // Only our own lock: never remove one a later run created after taking over ours.
    if (readQuietly(file) === ownContent) removeQuietly(file);
  };
  // When the CLI has its own SIGINT handler (to finish and save an interrupted run) the lock must
  // outlive the signal; `exit` releases it then. Alone, we release and let the signal kill as usual.
  const onSignal = (signal: NodeJS.Signals) => {
    if (process.listenerCount(signal) > 1) return;
    release();
    process.kill(process.pid, signal);
  };
  process.once('exit', release);
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return { file, holder, release };
}

function parseHolder(raw: string): LockHolder | undefined {
  try {
    const value = JSON.parse(raw) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0) return undefined;
    return {
      pid: value.pid,
      startedAt: typeof value.startedAt === 'string' ? value.startedAt : '',
      host: typeof value.host === 'string' ? value.host : hostname(),
    };
  } catch {
    return undefined;
  }
}

function isAlive(holder: LockHolder): boolean {
  // A pid on another machine (shared disk) cannot be checked: assume it is alive.
  if (holder.host !== hostname()) return true;
  // A lock older than the last boot is stale even if its pid now belongs to someone else.
  const bootMs = Date.now() - uptime() * 1000;
  const startedMs = Date.parse(holder.startedAt);
  if (!Number.isNaN(startedMs) && startedMs < bootMs) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readQuietly(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

function ageMs(file: string, now: Date): number {
  try {
    return now.getTime() - statSync(file).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
