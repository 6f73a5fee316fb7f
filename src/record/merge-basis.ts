// Whether shard records can be one run: the same run id, pack, inventory, selection and a split that adds up.
import type { RunParameters, RunRecord } from './run-record.js';
import { shardLabel, type Shard } from './shard.js';

/** A shard's run record and the file it was read from (every refusal names the file). */
export interface ShardRecord {
  file: string;
  record: RunRecord & { shard: Shard };
}

/** What every shard record agrees on: the run the merge makes. */
export interface MergeBasis {
  runId: string;
  pack: RunRecord['pack'];
  inventory: { path: string; key: string };
  fleetDigest: string;
  hostPatterns?: string[];
  parameters: RunParameters;
  checks: RunRecord['checks'];
  /** Shard count per site key (lower-cased site; '' for a run split without sites). */
  counts: Map<string, number>;
  /** True when the shards split sites (`--site`), false when they split the whole fleet. */
  bySite: boolean;
}

export type MergeBasisResult = { ok: true; basis: MergeBasis; shards: ShardRecord[] } | { ok: false; message: string };

/** The site key a shard belongs to: sites compare case-insensitively, as `--site` selects them. */
export const siteKey = (site: string | undefined): string => site?.toLowerCase() ?? '';

/**
 * Checks that the records are shards of one run; the first reason they are not comes back as one line
 * naming the files. A record that is not a shard's (no `shard`, or a merged run) is refused too.
 */
export function mergeBasis(records: ReadonlyArray<{ file: string; record: RunRecord }>): MergeBasisResult {
  const shards: ShardRecord[] = [];
  for (const { file, record } of records) {
    if (record.merged) return fail(`${file}: is a merged run, not a shard's record`);
    if (!record.shard) return fail(`${file}: is not a shard's record (scan --shard K/N, --shards N or --site NAME writes one)`);
    shards.push({ file, record: record as ShardRecord['record'] });
  }
  const [first, ...rest] = shards;
  if (!first) return fail('merge: give the run records of the shards');
  const a = first.record;
  for (const { file, record: b } of rest) {
    const differs = difference(a, b);
    if (differs) return fail(`${file} and ${first.file}: ${differs}: merge the shards of one run`);
  }
  const counts = new Map<string, number>();
  const seen = new Map<string, string>();
  for (const { file, record } of shards) {
    const { shard } = record;
    const key = siteKey(shard.site);
    const count = counts.get(key);
    if (count !== undefined && count !== shard.count) {
      const other = shards.find((s) => siteKey(s.record.shard.site) === key)!;
      return fail(`${file} is ${shardLabel(shard)}, ${other.file} is ${shardLabel(other.record.shard)}: shards of one site split it the same way`);
    }
    counts.set(key, shard.count);
    const id = `${key}\u0000${shard.index}`;
    const twin = seen.get(id);
    if (twin) return fail(`${twin} and ${file} are both ${shardLabel(shard)}`);
    seen.set(id, file);
  }
  const bySite = a.shard.site !== undefined;
  if (shards.some((s) => (s.record.shard.site !== undefined) !== bySite)) {
    const whole = shards.find((s) => s.record.shard.site === undefined)!;
    const sited = shards.find((s) => s.record.shard.site !== undefined)!;
    return fail(`${whole.file} split the whole fleet, ${sited.file} only ${shardLabel(sited.record.shard)}: a run splits by site everywhere or nowhere`);
  }
  return {
    ok: true,
    shards,
    basis: {
      runId: a.runId,
      pack: a.pack,
      inventory: { path: a.inventory.path, key: a.inventory.key },
      fleetDigest: a.shard.fleetDigest,
      ...(a.shard.hostPatterns && { hostPatterns: a.shard.hostPatterns }),
      // Each shard records the longest connect timeout of the whole selection, so they agree; take the largest anyway.
      parameters: { ...a.parameters, connectTimeoutMs: Math.max(...shards.map((s) => s.record.parameters.connectTimeoutMs)) },
      checks: a.checks,
      counts,
      bySite,
    },
  };
}

// The first way two shard records are not of one run, in words; undefined when they are.
function difference(a: ShardRecord['record'], b: ShardRecord['record']): string | undefined {
  if (a.runId !== b.runId) return `run ${b.runId} and run ${a.runId}`;
  if (a.pack.name !== b.pack.name || a.pack.version !== b.pack.version) return `pack ${b.pack.name} ${b.pack.version} and pack ${a.pack.name} ${a.pack.version}`;
  if (a.inventory.key !== b.inventory.key) return `inventory ${b.inventory.key} and inventory ${a.inventory.key}`;
  if (a.shard.fleetDigest !== b.shard.fleetDigest) return 'the inventory changed between them (its hosts, sites, clouds, tags or vars differ)';
  const same = (x: unknown, y: unknown) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
  if (!same(a.parameters.checks, b.parameters.checks)) return 'different --checks';
  if (!same(a.parameters.tags, b.parameters.tags)) return 'different --tags';
  if (!same(a.shard.hostPatterns, b.shard.hostPatterns)) return 'different --host';
  return undefined;
}

function fail(message: string): MergeBasisResult {
  return { ok: false, message };
}
