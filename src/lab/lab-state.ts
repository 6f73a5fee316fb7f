import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseJsonText } from '../inventory/json-text.js';
import { fileErrorText } from '../record/file-error.js';
import { oneLine } from '../record/one-line.js';
import { firstIssue } from '../record/zod-issue.js';
import { stagedStateSchema } from './staged-state-schema.js';

/** The optional `inventory` object of a state file: how the host is listed in the lab inventory. */
const stateInventorySchema = z.object({
  cloud: z.string().optional(),
  tags: z.array(z.string()).optional(),
  vars: z.record(z.string(), z.unknown()).optional(),
});
export type StateInventory = z.infer<typeof stateInventorySchema>;

export interface PlannedHost {
  name: string;
  /** Absolute path of the state file the host is dressed with. */
  state: string;
  inventory: StateInventory;
}

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

/** The state files of a directory (`*.json`, not schemas), in name order. */
export function listStateFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort()
    .map((f) => path.resolve(dir, f));
}

/**
 * `01-fs01-healthy-public.json` -> `fs01` (after a numeric ordering prefix, the host name comes first);
 * `old-dotnet.json` -> `old-dotnet` (without one, the whole name: it is all that tells the hosts apart).
 */
export function hostNameFromStateFile(file: string): string {
  const parts = path.basename(file, '.json').split('-').filter((p) => p !== '');
  if (parts.length > 1 && /^\d+$/.test(parts[0]!)) return parts[1]!.toLowerCase();
  return parts.join('-').toLowerCase() || 'host';
}

/**
 * The `inventory` object of a state file, or an empty one when it has none. The whole file must be a
 * staged state (src/lab/staged-state-schema.ts): a mistake is one line naming the file and the field
 * here, before any host starts, not a probe failing later on the lab host.
 */
export function readStateInventory(file: string): Read<StateInventory> {
  const name = path.basename(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { ok: false, message: `${name}: cannot read: ${fileErrorText(err)}` };
  }
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, message: `${name}: line ${json.line} column ${json.column}: invalid JSON: ${json.message}` };
  const doc = json.value;
  const state = stagedStateSchema.safeParse(doc);
  if (!state.success) return { ok: false, message: `${name}: ${oneLine(firstIssue(state.error), 300)}` };
  const raw = typeof doc === 'object' && doc !== null ? (doc as { inventory?: unknown }).inventory : undefined;
  if (raw === undefined) return { ok: true, value: {} };
  const parsed = stateInventorySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${path.basename(file)}: inventory.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, value: parsed.data };
}

/**
 * One host per state file, named from the file. With `count` above the number of states the states are
 * cycled and later rounds numbered (`fs01`, ..., `fs01-2`, ...); below it, the first `count` are used.
 */
export function planLabHosts(stateFiles: string[], count: number = stateFiles.length): Read<PlannedHost[]> {
  if (stateFiles.length === 0) return { ok: false, message: 'no state files' };
  const used = new Set<string>();
  const hosts: PlannedHost[] = [];
  for (let i = 0; i < count; i++) {
    const state = stateFiles[i % stateFiles.length]!;
    const round = Math.floor(i / stateFiles.length);
    let name = hostNameFromStateFile(state) + (round > 0 ? `-${round + 1}` : '');
    // Two files may name the same host; keep names unique.
    for (let n = 2; used.has(name); n++) name = `${hostNameFromStateFile(state)}-${round + 1}-${n}`;
    used.add(name);
    const inventory = readStateInventory(state);
    if (!inventory.ok) return inventory;
    hosts.push({ name, state, inventory: inventory.value });
  }
  return { ok: true, value: hosts };
}
