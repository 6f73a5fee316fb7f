import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

export interface DetachedProcess {
  pid: number;
  /** Why the daemon is gone (exit code and last log line), or undefined while it runs. */
  gone(): string | undefined;
}

export type Started<T> = { ok: true; value: T } | { ok: false; message: string };

function lastLine(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').pop() ?? '';
  } catch {
    return '';
  }
}

/**
 * Starts a lab daemon with its stdout and stderr in `log`. Always in its own process group (detached),
 * so a Ctrl-C at the terminal reaches only us and our cleanup kills sessions before listeners; `unref`
 * lets a CLI exit while the daemon keeps running (lab up). `name` is how messages call it.
 */
export function spawnDetached(name: string, file: string, args: string[], log: string, env: Record<string, string>): Started<DetachedProcess> {
  const fd = openSync(log, 'a');
  let exit: string | undefined;
  try {
    const child = spawn(file, args, { detached: true, stdio: ['ignore', fd, fd], env });
    child.on('error', (e) => {
      exit = `${name} did not start: ${e.message}`;
    });
    child.on('exit', (code, sig) => {
      exit = `${name} exited (${sig ?? `code ${code}`}): ${lastLine(log)}`;
    });
    child.unref();
    if (child.pid === undefined) return { ok: false, message: `${name} did not start (${file})` };
    return { ok: true, value: { pid: child.pid, gone: () => exit } };
  } finally {
    closeSync(fd);
  }
}
