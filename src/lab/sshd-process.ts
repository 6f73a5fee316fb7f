import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { spawnDetached, type DetachedProcess, type Started } from './detached-process.js';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** sshd re-executes itself for every connection, so it must be started by its absolute path. */
const SSHD = '/usr/sbin/sshd';

export type SshdProcess = DetachedProcess;
export type { Started } from './detached-process.js';

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

/** Starts `sshd -D -e` with its stderr in `log`, detached (see spawnDetached). */
export function spawnSshd(config: string, log: string, env: Record<string, string>): Started<SshdProcess> {
  ensurePrivsepDir();
  return spawnDetached('sshd', SSHD, ['-f', config, '-D', '-e'], log, env);
}
