import { readdirSync, readFileSync } from 'node:fs';

/**
 * Live processes that belong to the lab in `dir`, found independently of src/lab: any process whose
 * command line names a host dir or wrapper of the lab (listeners: `sshd -f <dir>/hosts/...`) or whose
 * environment carries the dir (remote pwsh and shells started by the lab's sshd). Clients, which only
 * name `<dir>/client/...`, are not counted.
 */
export function liveLabProcesses(dir: string): { pid: number; cmd: string }[] {
  const out: { pid: number; cmd: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2))) continue;
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      let env = '';
      try {
        env = readFileSync(`/proc/${name}/environ`, 'utf8');
      } catch {
        // unreadable environment: judged by command line only
      }
      const ours = cmd.includes(`${dir}/hosts/`) || cmd.includes(`${dir}/bin/`) ||
        env.split('\0').some((kv) => kv.endsWith(`=${dir}`) || kv.includes(`=${dir}/hosts/`));
      if (ours) {
        out.push({ pid: Number(name), cmd });
      }
    } catch {
      // gone while we looked
    }
  }
  return out;
}

/** True while `pid` is a live (non-zombie) process. */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return false;
  }
}

/** Waits until `probe` returns true, polling; false if it never does within `ms`. */
export async function eventually(probe: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (probe()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return probe();
}

/** The lab's processes still alive once they have had `ms` to finish exiting (a stopped daemon's last child may lag). */
export async function labProcessesLeft(dir: string, ms = 5000): Promise<{ pid: number; cmd: string }[]> {
  await eventually(() => liveLabProcesses(dir).length === 0, ms);
  return liveLabProcesses(dir);
}
