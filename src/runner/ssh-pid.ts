import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { sshReason } from './ssh-reason.js';

/**
 * Per-host files that the ssh wrapper (worker/bin/ssh) leaves in the run's ssh folder: the ssh PID, the one
 * process whose death cancels a host even when the peer is frozen, and ssh's own error log.
 */
export class SshHostFiles {
  constructor(
    private readonly dir: string,
    address: string,
    port: number,
  ) {
    this.tag = `${address}_${port}`;
  }
  private readonly tag: string;

  clear(): void {
    for (const ext of ['pid', 'log']) rmSync(path.join(this.dir, `${this.tag}.${ext}`), { force: true });
  }

  /** Kill this host's ssh, if it is still the ssh we started (PIDs get reused). */
  killSsh(): boolean {
    const pid = Number(read(path.join(this.dir, `${this.tag}.pid`)).trim());
    if (!Number.isInteger(pid) || pid <= 1) return false;
    const cmdline = read(`/proc/${pid}/cmdline`).split('\0');
    if (!cmdline[0]?.endsWith('ssh') || !cmdline.includes(this.tag.slice(0, this.tag.lastIndexOf('_')))) return false;
    try {
      process.kill(pid, 'SIGKILL');
      return true;
    } catch {
      return false;
    }
  }

  reason(): string | undefined {
    return sshReason(read(path.join(this.dir, `${this.tag}.log`)));
  }
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
