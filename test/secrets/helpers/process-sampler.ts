// Samples every descendant of a process while it runs: its command line and its environment, as any
// local user who can read /proc (or run `ps e`) would see them.
import { readdirSync, readFileSync } from 'node:fs';

export interface Sighting {
  pid: number;
  what: 'cmdline' | 'environ';
  cmd: string;
}

function parentOf(pid: string): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '(gone)';
  }
}

/** The pids below `root` (not `root` itself), from one read of /proc. */
export function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    const parent = parentOf(pid);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), Number(pid)]);
  }
  const found: number[] = [];
  const walk = (pid: number): void => {
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

/** Samples `root`'s descendants every `everyMs` until `done` settles; every process seen, and where `texts` showed. */
export async function sampleDescendants(root: number, texts: readonly string[], done: Promise<unknown>, everyMs = 50): Promise<{ seen: Set<string>; sightings: Sighting[] }> {
  let over = false;
  void done.finally(() => {
    over = true;
  });
  const seen = new Set<string>();
  const sightings: Sighting[] = [];
  // Between fork and exec a child is a copy of its parent, command line and environment included: such a
  // copy of the controller is the controller's own image (which holds the variable by design), not a child
  // that inherited it.
  const rootCmd = commandOf(root);
  while (!over) {
    for (const pid of descendantsOf(root)) {
      if (commandOf(pid) === rootCmd) continue;
      for (const what of ['cmdline', 'environ'] as const) {
        let text: string;
        try {
          text = readFileSync(`/proc/${pid}/${what}`, 'utf8');
        } catch {
          continue;
        }
        const cmd = what === 'cmdline' ? text.replace(/\0/g, ' ').trim() : '';
        if (what === 'cmdline' && cmd) seen.add(cmd.split(' ')[0]!.split('/').pop()!);
        if (texts.some((t) => text.includes(t))) sightings.push({ pid, what, cmd: cmd || commandOf(pid) });
      }
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return { seen, sightings };
}
