import { problemLine } from './problems.js';

/** A host name and how problems refer to its entry (`hosts[2]`, `row 5`, `line 4`). */
export interface NamedEntry {
  ref: string;
  name: string;
}

/** One line per host whose name (case-insensitive) an earlier entry already has: `hosts[7] (fs01).name: duplicate of hosts[2]`. */
export function duplicateNameProblems(file: string, entries: readonly NamedEntry[]): string[] {
  const firstByName = new Map<string, string>();
  const problems: string[] = [];
  for (const { ref, name } of entries) {
    const first = firstByName.get(name.toLowerCase());
    if (first === undefined) firstByName.set(name.toLowerCase(), ref);
    else problems.push(problemLine(file, `${ref} (${name})`, 'name', `duplicate of ${first}`));
  }
  return problems;
}
