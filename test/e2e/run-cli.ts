// Runs the built CLI (bin/fleet-scan.js -> dist/) as a user would: a separate Node process, real argv.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from '../helpers/pwsh.js';

export const CLI = path.join(REPO, 'bin', 'fleet-scan.js');

/** A value no report or log may ever contain; handed to every scan in its environment. */
export const CANARY_SECRET = 'fs-e2e-canary-Zq8vW1xK3p';

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Extra environment for the CLI process. */
  env?: NodeJS.ProcessEnv;
  /** Node options before the script, e.g. `--import <hook>`. */
  nodeArgs?: string[];
}

export interface RunningCli {
  child: ChildProcess;
  done: Promise<CliRun>;
}

/**
 * Starts `fleet-scan <args>` in its own process group (so a test can end the scan and every pwsh and
 * ssh it started, by the group id of a process the test made). No colour, no terminal.
 */
export function startCli(args: string[], options: CliOptions = {}): RunningCli {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
    cwd: REPO,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', TERM: 'dumb', FS_E2E_PASSWORD: CANARY_SECRET, ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  running.add(child);
  const done = new Promise<CliRun>((resolve) => {
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, done };
}

/** Runs `fleet-scan <args>` to the end. */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return startCli(args, options).done;
}

const running = new Set<ChildProcess>();

/** Ends every CLI this file started that is still running (a timed-out test does not end its child). */
export function killStillRunning(): void {
  for (const child of running) killGroup(child);
  running.clear();
}

/** SIGKILLs whatever is left of the process group a `startCli` child leads (pwsh workers, ssh clients). */
export function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // the group is already empty
  }
}

/** Fails fast with a clear message when dist/ is missing (the e2e tests run the built CLI). */
export function assertBuilt(): void {
  const main = path.join(REPO, 'dist', 'cli', 'main.js');
  if (!existsSync(main)) throw new Error('dist/ is missing: run `npm run build` before the e2e tests');
}

/** The JSON lines of a file, parsed. */
export function jsonLines(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Polls `probe` until it is true or `ms` pass; returns whether it became true. */
export async function waitFor(probe: () => boolean, ms: number, everyMs = 20): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (probe()) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return probe();
}
