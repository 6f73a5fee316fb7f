import { dirname, extname, resolve } from 'node:path';
import { duplicateNameProblems } from './duplicates.js';
import { InventoryError } from './problems.js';
import { readCsvInventory } from './read-csv.js';
import { readInventoryText } from './read-file.js';
import { readDefaultsDocument, readJsonInventory } from './read-json.js';
import type { ReadResult } from './read-source.js';
import { readTextInventory } from './read-text.js';
import { resolveHosts, type VarsValidator } from './resolve.js';
import type { Inventory } from './schema.js';

export type { VarsValidator } from './resolve.js';

export interface LoadOptions {
  /** For .csv and .txt/.list inventories: a JSON file `{ "name"?, "defaults": {...} }`. */
  defaultsPath?: string;
  /** The selected pack's vars check, run on each host's merged vars. */
  validateVars?: VarsValidator;
}

const FORMATS: Record<string, 'json' | 'csv' | 'text'> = { '.json': 'json', '.csv': 'csv', '.txt': 'text', '.list': 'text' };

/**
 * Read, validate and resolve an inventory (format by extension: .json, .csv, .txt or .list).
 * Throws InventoryError listing every problem found, one line each.
 */
export async function loadInventory(path: string, options: LoadOptions = {}): Promise<Inventory> {
  const absolute = resolve(path);
  const format = FORMATS[extname(path).toLowerCase()];
  if (format === undefined) {
    throw new InventoryError([`${path}: unknown inventory format ${JSON.stringify(extname(path))}: use .json, .csv, .txt or .list`]);
  }
  if (format === 'json' && options.defaultsPath !== undefined) {
    throw new InventoryError([`${options.defaultsPath}: --defaults is for .csv and .txt inventories; ${path} has its own "defaults"`]);
  }

  const read = format === 'json'
    ? readJsonInventory(await readInventoryText(path), path, dirname(absolute))
    : await readListInventory(path, format, options.defaultsPath);

  const resolved = read.defaults === undefined
    ? { hosts: [], problems: [], warnings: [] }
    : resolveHosts({
      file: path, defaults: read.defaults, defaultsBaseDir: read.defaultsBaseDir, hosts: read.hosts,
      ...(options.validateVars ? { validateVars: options.validateVars } : {}),
    });
  const problems = [...read.problems, ...duplicateNameProblems(path, read.named), ...resolved.problems];
  if (problems.length > 0) throw new InventoryError(problems);

  return {
    path: absolute,
    key: read.name ?? absolute,
    ...(read.name === undefined ? {} : { name: read.name }),
    hosts: resolved.hosts,
    warnings: resolved.warnings,
  };
}

/** A CSV or text list, with its defaults from --defaults (or the built-in ones). */
async function readListInventory(path: string, format: 'csv' | 'text', defaultsPath: string | undefined): Promise<ReadResult> {
  const defaults: ReadResult = defaultsPath === undefined
    ? { defaults: {}, defaultsBaseDir: dirname(resolve(path)), hosts: [], named: [], problems: [] }
    : readDefaultsDocument(await readInventoryText(defaultsPath), defaultsPath, dirname(resolve(defaultsPath)));
  const text = await readInventoryText(path);
  const list = format === 'csv'
    ? readCsvInventory(text, path, dirname(resolve(path)))
    : readTextInventory(text, path, dirname(resolve(path)));
  // A JSON inventory's schema demands a host; a list that names none is as surely a mistake.
  if (list.hosts.length === 0 && list.problems.length === 0) list.problems.push(`${path}: lists no hosts`);
  return { ...defaults, hosts: list.hosts, named: list.named, problems: [...defaults.problems, ...list.problems] };
}
