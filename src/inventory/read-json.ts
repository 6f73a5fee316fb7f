import type { NamedEntry } from './duplicates.js';
import { isHostAddress } from './host-name.js';
import { parseJsonText } from './json-text.js';
import { issueProblems, secretProblems, type Locator } from './problems.js';
import type { ReadResult } from './read-source.js';
import type { HostSource } from './resolve.js';
import { KNOWN_FIELDS, defaultsFileSchema, defaultsSchema, hostEntrySchema, inventoryFileSchema } from './schema.js';
import { findSecrets, hasFindingWithin } from './secrets.js';

/** Parse JSON text, or the one line that says where it is broken. */
function parseJsonDocument(text: string, file: string): { ok: true; value: unknown } | { ok: false; problems: string[] } {
  const parsed = parseJsonText(text);
  if (parsed.ok) return parsed;
  return { ok: false, problems: [`${file}: line ${parsed.line} column ${parsed.column}: invalid JSON: ${parsed.message}`] };
}

/** Read a JSON inventory (the format of inventoryFileSchema). */
export function readJsonInventory(text: string, file: string, baseDir: string): ReadResult {
  const parsed = parseJsonDocument(text, file);
  if (!parsed.ok) return { defaultsBaseDir: baseDir, hosts: [], named: [], problems: parsed.problems };
  return readDocument(parsed.value, file, baseDir, 'inventory');
}

/** Read the --defaults file of a CSV or text inventory: `{ "name"?, "defaults": {...} }`. */
export function readDefaultsDocument(text: string, file: string, baseDir: string): ReadResult {
  const parsed = parseJsonDocument(text, file);
  if (!parsed.ok) return { defaultsBaseDir: baseDir, hosts: [], named: [], problems: parsed.problems };
  return readDocument(parsed.value, file, baseDir, 'defaults');
}

function readDocument(document: unknown, file: string, baseDir: string, kind: 'inventory' | 'defaults'): ReadResult {
  const secrets = findSecrets(document);
  const locator = jsonLocator(file, document, kind);
  const schema = kind === 'inventory' ? inventoryFileSchema : defaultsFileSchema;
  const whole = schema.safeParse(document, { reportInput: true });
  const problems = [
    ...secretProblems(secrets, locator),
    ...(whole.success ? [] : issueProblems(whole.error.issues, locator, secrets)),
  ];

  // Also take each part on its own, so one bad host does not hide what the others would report
  // (duplicates, the pack's vars problems). Parts holding a secret are never passed on.
  const record = isRecord(document) ? document : {};
  const defaults = hasFindingWithin(['defaults'], secrets) ? undefined : defaultsSchema.safeParse(record['defaults'] ?? {});
  const hosts: HostSource[] = [];
  const named: NamedEntry[] = [];
  if (kind === 'inventory' && Array.isArray(record['hosts'])) {
    record['hosts'].forEach((raw: unknown, index: number) => {
      const name = validName(raw);
      if (name !== undefined) named.push({ ref: `hosts[${index}]`, name });
      const entry = hostEntrySchema.safeParse(raw);
      if (entry.success && !hasFindingWithin(['hosts', index], secrets)) hosts.push({ entry: entry.data, ref: `hosts[${index}]`, baseDir });
    });
  }
  const name = typeof record['name'] === 'string' && whole.success ? record['name'] : undefined;
  return {
    ...(name === undefined ? {} : { name }),
    ...(defaults?.success ? { defaults: defaults.data } : {}),
    defaultsBaseDir: baseDir,
    hosts,
    named,
    problems,
  };
}

function jsonLocator(file: string, document: unknown, kind: 'inventory' | 'defaults'): Locator {
  const hosts = isRecord(document) && Array.isArray(document['hosts']) ? (document['hosts'] as unknown[]) : [];
  return {
    file,
    locate(path) {
      const [first, index] = path;
      if (first === 'hosts' && typeof index === 'number') {
        const name = validName(hosts[index]);
        const where = name === undefined ? `hosts[${index}]` : `hosts[${index}] (${name})`;
        return { where, field: path.slice(2), known: KNOWN_FIELDS.host, scope: 'entry', ruleKey: 'hosts[]' };
      }
      if (first === 'defaults') {
        return { where: 'defaults', field: path.slice(1), known: KNOWN_FIELDS.defaults, scope: 'entry', ruleKey: 'defaults' };
      }
      return kind === 'inventory'
        ? { where: '', field: [...path], known: KNOWN_FIELDS.root, scope: 'root', ruleKey: 'inventory' }
        : { where: '', field: [...path], known: KNOWN_FIELDS.defaultsFile, scope: 'root', ruleKey: 'defaultsFile' };
    },
  };
}

function validName(raw: unknown): string | undefined {
  return isRecord(raw) && typeof raw['name'] === 'string' && isHostAddress(raw['name']) ? raw['name'] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
