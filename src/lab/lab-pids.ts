import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const pidsSchema = z.strictObject({
  dir: z.string(),
  listeners: z.array(z.strictObject({ name: z.string(), pid: z.number().int().positive(), config: z.string() })),
});
export type LabPids = z.infer<typeof pidsSchema>;

/** `<dir>/pids`: the listeners of a running lab, so another process (`lab down`) can stop it. */
export function pidsFile(dir: string): string {
  return path.join(dir, 'pids');
}

export function writeLabPids(pids: LabPids): void {
  writeFileSync(pidsFile(pids.dir), `${JSON.stringify(pids, null, 2)}\n`);
}

/** The recorded listeners, or undefined when there is no readable pids file. */
export function readLabPids(dir: string): LabPids | undefined {
  const file = pidsFile(dir);
  if (!existsSync(file)) return undefined;
  try {
    return pidsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

export function removeLabPids(dir: string): void {
  rmSync(pidsFile(dir), { force: true });
}

/** True when `pid` still runs sshd with `config`: a recycled PID must never be killed. */
export function isOurListener(pid: number, config: string): boolean {
  try {
    // sshd rewrites its title to one string ("sshd: /usr/sbin/sshd -f <config> -D -e [listener] ..."),
    // so split on spaces as well as NULs.
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/).includes(config);
  } catch {
    return false;
  }
}
