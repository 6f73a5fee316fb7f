import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { acquireHistoryLock, inUseMessage, lockPathFor } from '../../src/history/lock.js';
import { buildHistoryForChildren, FIXTURES } from './helpers/child-build.js';

let dir: string;
let build: ReturnType<typeof buildHistoryForChildren>;
const children: ChildProcessWithoutNullStreams[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-lock-'));
  build = buildHistoryForChildren();
});
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  build.remove();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts a child that holds the lock; resolves once it says so. */
async function holder(historyFile: string): Promise<ChildProcessWithoutNullStreams> {
  const child = spawn(process.execPath, [path.join(FIXTURES, 'lock-history.mjs'), build.dir, historyFile, 'hold']);
  children.push(child);
  const line = await new Promise<string>((resolve) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.trim());
    });
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', () => resolve(`exited: ${out}${err}`));
  });
  expect(line).toBe(`locked ${child.pid}`);
  return child;
}

function exited(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}

/** Runs a child that tries the lock once; returns its exit code and stderr. */
async function tryInChild(historyFile: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [path.join(FIXTURES, 'lock-history.mjs'), build.dir, historyFile, 'try']);
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const { code } = await exited(child);
  return { code, stderr };
}

function hhmmss(iso: string): string {
  const d = new Date(iso);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

describe('acquireHistoryLock', () => {
  test('a second opener in another process gets the one-line in-use message naming pid and start time', async () => {
    const file = path.join(dir, 'busy', 'history.sqlite');
    const child = await holder(file);
    const held = JSON.parse(readFileSync(lockPathFor(file), 'utf8')) as { pid: number; startedAt: string };
    expect(held.pid).toBe(child.pid);

    const second = await tryInChild(file);
    expect(second.code).toBe(2);
    expect(second.stderr).toBe(
      `history ${file} is in use by fleet-scan pid ${child.pid} since ${hhmmss(held.startedAt)}; wait for it or use --no-history\n`,
    );

    const here = acquireHistoryLock(file);
    expect(here.ok).toBe(false);
    child.stdin.end();
    expect(await exited(child)).toEqual({ code: 0, signal: null });
  });

  test('a lock is released when its process exits normally', async () => {
    const file = path.join(dir, 'normal-exit', 'history.sqlite');
    const child = await holder(file);
    child.stdin.end();
    await exited(child);
    expect(existsSync(lockPathFor(file))).toBe(false);
    expect((await tryInChild(file)).code).toBe(0);
  });

  test('a lock is released when its process gets SIGTERM, and the process still dies of it', async () => {
    const file = path.join(dir, 'sigterm', 'history.sqlite');
    const child = await holder(file);
    child.kill('SIGTERM');
    expect(await exited(child)).toEqual({ code: null, signal: 'SIGTERM' });
    expect(existsSync(lockPathFor(file))).toBe(false);
  });

  test('a stale lock left by a SIGKILLed process is taken over', async () => {
    const file = path.join(dir, 'stale', 'history.sqlite');
    const child = await holder(file);
    child.kill('SIGKILL');
    await exited(child);
    expect(existsSync(lockPathFor(file))).toBe(true);

    const taken = acquireHistoryLock(file);
    expect(taken.ok).toBe(true);
    if (!taken.ok) return;
    expect(taken.tookOverFrom?.pid).toBe(child.pid);
    expect(JSON.parse(readFileSync(lockPathFor(file), 'utf8')).pid).toBe(process.pid);
    taken.lock.release();
    expect(existsSync(lockPathFor(file))).toBe(false);
  });

  test('a lock from before the last boot is stale even if its pid is alive now', () => {
    const file = path.join(dir, 'before-boot', 'history.sqlite');
    const first = acquireHistoryLock(file);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    first.lock.release();
    // Our own (alive) pid, but a start time long before this machine booted.
    writeFileSync(lockPathFor(file), JSON.stringify({ pid: process.pid, startedAt: '2000-01-01T00:00:00.000Z', host: hostname() }));
    const taken = acquireHistoryLock(file);
    expect(taken.ok).toBe(true);
    if (taken.ok) taken.lock.release();
  });

  test('the same process asking twice is refused: the lock is exclusive, not re-entrant', () => {
    const file = path.join(dir, 'twice', 'history.sqlite');
    const now = new Date();
    const first = acquireHistoryLock(file, now);
    const second = acquireHistoryLock(file, now);
    expect(first.ok).toBe(true);
    expect(second).toEqual({
      ok: false,
      message: `history ${file} is in use by fleet-scan pid ${process.pid} since ${hhmmss(now.toISOString())}; wait for it or use --no-history`,
      holder: { pid: process.pid, startedAt: now.toISOString(), host: hostname() },
    });
    if (first.ok) first.lock.release();
  });

  test('release leaves alone a lock file that another run has since taken over', () => {
    const file = path.join(dir, 'taken-over', 'history.sqlite');
    const mine = acquireHistoryLock(file);
    expect(mine.ok).toBe(true);
    if (!mine.ok) return;
    const theirs = JSON.stringify({ pid: 1, startedAt: new Date().toISOString(), host: hostname() });
    writeFileSync(lockPathFor(file), theirs);
    mine.lock.release();
    expect(readFileSync(lockPathFor(file), 'utf8')).toBe(theirs);
  });
});

describe('inUseMessage', () => {
  test('shows the date too when the lock was not taken today, and the host when it is another machine', () => {
    const now = new Date(2026, 10, 25, 9, 0, 0);
    const started = new Date(2026, 10, 24, 8, 1, 2);
    expect(inUseMessage('/h.sqlite', { pid: 1234, startedAt: started.toISOString(), host: 'other-controller' }, now)).toBe(
      'history /h.sqlite is in use by fleet-scan pid 1234 on other-controller since 2026-11-24 08:01:02; wait for it or use --no-history',
    );
  });

  test('says "another fleet-scan" when the lock file cannot be read', () => {
    expect(inUseMessage('/h.sqlite', undefined)).toBe('history /h.sqlite is in use by another fleet-scan; wait for it or use --no-history');
  });
});
