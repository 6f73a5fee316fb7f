// The runner and CLI test files that start labs take turns: vitest runs two files at once, and two labs
// of pwsh sessions at once on a 2-core machine would push hosts past their deadlines.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const LOCK = path.join(tmpdir(), 'fleet-scan-h8-lab.lock');
const PID_FILE = path.join(LOCK, 'pid');

function holder(): number | undefined {
  try {
    return Number(readFileSync(PID_FILE, 'utf8'));
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Waits for the lab turn and returns its release. A lock left by a dead process is taken over. */
export async function takeLabTurn(timeoutMs = 600_000): Promise<() => void> {
  const end = Date.now() + timeoutMs;
  let noPidSince: number | undefined;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(PID_FILE, String(process.pid));
      return () => rmSync(LOCK, { recursive: true, force: true });
    } catch {
      const pid = holder();
      // The holder writes its pid right after mkdir; a lock without one for long was left half-made.
      noPidSince = pid === undefined ? (noPidSince ?? Date.now()) : undefined;
      const stale = pid === undefined ? Date.now() - noPidSince! > 5_000 : !alive(pid);
      if (stale) rmSync(LOCK, { recursive: true, force: true });
      else if (Date.now() > end) throw new Error(`waited ${timeoutMs} ms for the lab turn (${LOCK})`);
      else await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Ends a suite's lab turn: stops what it started (in the order given), removes its folder, and always gives the turn back. */
export async function endLabTurn(
  release: (() => void) | undefined,
  dir: string | undefined,
  ...started: ({ stop(): Promise<unknown> } | undefined)[]
): Promise<void> {
  try {
    for (const s of started) await s?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  } finally {
    release?.();
  }
}
