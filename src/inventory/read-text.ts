import { keyMaterialProblem } from './key-material.js';
import { issueProblems, type Locator } from './problems.js';
import type { NamedEntry } from './duplicates.js';
import type { ListResult } from './read-source.js';
import type { HostSource } from './resolve.js';
import { KNOWN_FIELDS, hostEntrySchema } from './schema.js';

/** Read a text list: one host name a line; `#` starts a comment; blank lines are ignored. */
export function readTextInventory(text: string, file: string, baseDir: string): ListResult {
  const keyMaterial = keyMaterialProblem(text, file);
  if (keyMaterial) return { hosts: [], named: [], problems: [keyMaterial] };
  const hosts: HostSource[] = [];
  const named: NamedEntry[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const name = line.replace(/#.*$/, '').trim();
    if (name === '') return;
    const ref = `line ${index + 1}`;
    const parsed = hostEntrySchema.safeParse({ name }, { reportInput: true });
    if (parsed.success) {
      hosts.push({ entry: parsed.data, ref, baseDir });
      named.push({ ref, name });
    }
    else problems.push(...issueProblems(parsed.error.issues, textLocator(file, ref)));
  });
  return { hosts, named, problems };
}

function textLocator(file: string, where: string): Locator {
  // The line is the name, so the message needs no field.
  return { file, locate: (path) => ({ where, field: [...path], known: KNOWN_FIELDS.host, scope: 'entry' }), label: () => '' };
}
