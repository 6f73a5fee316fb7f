import { setTimeout as sleep } from 'node:timers/promises';
import { descendantsOf, isAlive, listProcesses, processesWithEnv, type ProcInfo } from './proc-table.js';

/** The environment variable a lab's sessions carry (sshd SetEnv); its value is the absolute lab dir. */
export const LAB_MARKER = 'FLEET_SCAN_LAB';

export interface LabProcesses {
  /** sshd listener PIDs of the lab. */
  listeners: number[];
  /** Absolute lab directory, the value of LAB_MARKER. */
  dir: string;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** Every live process of the lab: listeners, their descendants, and anything carrying the lab marker. */
export function labProcesses(lab: LabProcesses, table: ProcInfo[] = listProcesses()): ProcInfo[] {
  const found = new Map<number, ProcInfo>();
  for (const pid of lab.listeners) {
    const self = table.find((p) => p.pid === pid);
    if (self) found.set(pid, self);
    for (const p of descendantsOf(pid, table)) found.set(p.pid, p);
  }
  // Sessions whose listener already died are re-parented to PID 1. Their remote commands carry the
  // marker (sshd SetEnv); sshd itself does not (setproctitle overwrites its environment), so take the
  // sshd parent of each marked process too.
  for (const p of processesWithEnv(LAB_MARKER, lab.dir, table)) {
    found.set(p.pid, p);
    const parent = table.find((q) => q.pid === p.ppid);
    if (parent && /^sshd\b/.test(parent.cmdline[0] ?? '')) found.set(parent.pid, parent);
  }
  return [...found.values()];
}

/**
 * One synchronous pass, safe inside an `exit` handler: SIGKILL every session process group, then
 * SIGTERM the listeners. A listener's death does not end its sessions (each calls setsid), hence the
 * order. Returns the PIDs it signalled.
 */
export function killLabNow(lab: LabProcesses): number[] {
  const listeners = new Set(lab.listeners);
  const procs = labProcesses(lab);
  const pids = new Set(procs.map((p) => p.pid));
  for (const p of procs) {
    if (listeners.has(p.pid)) continue;
    // Kill the whole group only when the group leader is ours; otherwise just the process.
    if (p.pgid > 0 && pids.has(p.pgid) && !listeners.has(p.pgid)) signal(-p.pgid, 'SIGKILL');
    signal(p.pid, 'SIGKILL');
  }
  for (const pid of listeners) if (pids.has(pid)) signal(pid, 'SIGTERM');
  return [...pids];
}

/** Kills the lab and waits until none of its processes is alive; SIGKILLs listeners still there after `graceMs`. */
export async function stopLabProcesses(lab: LabProcesses, graceMs = 2000): Promise<{ ok: boolean; left: number[] }> {
  const started = Date.now();
  const listeners = new Set(lab.listeners);
  const targeted = new Set(killLabNow(lab));
  for (;;) {
    // A connection accepted during the first pass forks a session that also carries the marker.
    for (const p of labProcesses({ ...lab, listeners: [] })) targeted.add(p.pid);
    const left = [...targeted].filter(isAlive);
    if (left.length === 0) return { ok: true, left };
    const late = Date.now() - started > graceMs;
    for (const pid of left) if (late || !listeners.has(pid)) signal(pid, 'SIGKILL');
    if (Date.now() - started > graceMs + 3000) return { ok: false, left };
    await sleep(25);
  }
}
