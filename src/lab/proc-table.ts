import { readdirSync, readFileSync } from 'node:fs';

/** One live process as /proc shows it. Zombies are left out: they hold no resources and cannot be killed. */
export interface ProcInfo {
  pid: number;
  ppid: number;
  pgid: number;
  cmdline: string[];
}

function readProc(pid: number): ProcInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm (field 2) may hold spaces and parentheses: parse after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (rest[0] === 'Z' || rest[0] === 'X') return undefined;
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((s) => s !== '');
    return { pid, ppid: Number(rest[1]), pgid: Number(rest[2]), cmdline };
  } catch {
    return undefined; // gone while we looked
  }
}

/** Every live process. */
export function listProcesses(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const info = readProc(Number(name));
    if (info) out.push(info);
  }
  return out;
}

/** True while `pid` is a live (non-zombie) process. */
export function isAlive(pid: number): boolean {
  return readProc(pid) !== undefined;
}

/** The live descendants of `root` (children, their children, ...), found by parent PID. */
export function descendantsOf(root: number, table: ProcInfo[] = listProcesses()): ProcInfo[] {
  const byParent = new Map<number, ProcInfo[]>();
  for (const p of table) byParent.set(p.ppid, [...(byParent.get(p.ppid) ?? []), p]);
  const out: ProcInfo[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of byParent.get(queue.shift()!) ?? []) {
      out.push(child);
      queue.push(child.pid);
    }
  }
  return out;
}

/** Live processes whose environment holds `name=value` exactly. */
export function processesWithEnv(name: string, value: string, table: ProcInfo[] = listProcesses()): ProcInfo[] {
  const wanted = `${name}=${value}`;
  return table.filter((p) => {
    try {
      return readFileSync(`/proc/${p.pid}/environ`, 'utf8').split('\0').includes(wanted);
    } catch {
      return false;
    }
  });
}
