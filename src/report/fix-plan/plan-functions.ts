import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Where a plan's functions come from: the shared helpers and real probes, and the fix plan runtime (state writers included). */
const REAL_FOLDERS = ['ps-scripts/lib', 'ps-scripts/lib/probes', 'ps-scripts/fixes/lib'];
/** On a lab host these replace the functions of the same name: the staged probes and the staged twins of the writers. */
const STAGED_FOLDERS = ['ps-scripts/lib/fake-staged', 'ps-scripts/fixes/lib/fake-staged'];

// Our functions are Verb-Fs<Name>; any such word in code (not in comments) is a call to resolve.
const CALL_RE = /\b[A-Z][A-Za-z]+-Fs[A-Za-z0-9]+\b/g;

export interface PlanFunction {
  name: string;
  /** Relative to the root, with forward slashes. */
  file: string;
  source: string;
}

/** PowerShell text without its comments, so a name in a help example is not taken for a call. */
function code(text: string): string {
  return text.replace(/<#[\s\S]*?#>/g, '').replace(/(^|\s)#[^\n]*/g, '$1');
}

function index(root: string, folders: string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const folder of folders) {
    const dir = path.join(root, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.ps1')).sort()) files.set(name.slice(0, -4), `${folder}/${name}`);
  }
  return files;
}

/**
 * Every function the given code calls, directly or through the functions it calls, read from the library
 * folders (one function per file, named like the file), in file order. With `staged`, the staged twins
 * take the place of the real functions, as in a lab host's check bundle. A name no folder holds is left
 * out: the plan's own functions (the repairs) are passed in by the caller.
 */
export function planFunctions(seeds: string[], options: { root: string; staged: boolean }): PlanFunction[] {
  const files = index(options.root, REAL_FOLDERS);
  if (options.staged) for (const [name, file] of index(options.root, STAGED_FOLDERS)) files.set(name, file);
  const found = new Map<string, PlanFunction>();
  const pending = [...seeds];
  while (pending.length > 0) {
    for (const name of code(pending.pop()!).match(CALL_RE) ?? []) {
      const file = files.get(name);
      if (!file || found.has(name)) continue;
      const source = readFileSync(path.join(options.root, file), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').trimEnd();
      found.set(name, { name, file, source });
      pending.push(source);
    }
  }
  return [...found.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
