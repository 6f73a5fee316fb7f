import { execFile, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** sshd re-executes itself for every connection, so it must be started by its absolute path. */
export const SSHD = '/usr/sbin/sshd';

export interface SshdProcess {
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

// sshd (and `sshd -t`) refuses to start without its privilege-separation directory; nothing creates it
// here, since the Debian package leaves that to systemd.
function ensurePrivsepDir(): void {
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
}

/** `sshd -t`: the config and host key are valid. */
export async function validateSshdConfig(config: string): Promise<Started<void>> {
  ensurePrivsepDir();
  try {
    await run(SSHD, ['-t', '-f', config]);
    return { ok: true, value: undefined };
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    const why = (e.stderr ?? '').trim().split('\n')[0] || e.message;
    return { ok: false, message: `sshd -t ${config}: ${why}` };
  }
}

/**
 * Starts `sshd -D -e` with its stderr in `log`. Always in its own process group (detached), so a Ctrl-C
 * at the terminal reaches only us and our cleanup kills sessions before listeners; `unref` lets a CLI
 * exit while the daemon keeps running (lab up).
 */
export function spawnSshd(config: string, log: string, env: Record<string, string>): Started<SshdProcess> {
  ensurePrivsepDir();
  const fd = openSync(log, 'a');
  let exit: string | undefined;
  try {
    const child = spawn(SSHD, ['-f', config, '-D', '-e'], { detached: true, stdio: ['ignore', fd, fd], env });
    child.on('error', (e) => {
      exit = `sshd did not start: ${e.message}`;
    });
    child.on('exit', (code, sig) => {
      exit = `sshd exited (${sig ?? `code ${code}`}): ${lastLine(log)}`;
    });
    child.unref();
    if (child.pid === undefined) return { ok: false, message: `sshd did not start (${config})` };
    return { ok: true, value: { pid: child.pid, gone: () => exit } };
  } finally {
    closeSync(fd);
  }
}
