import { z } from 'zod';

// A fleet too large or too segmented for one controller is scanned in shards (`scan --shard K/N`,
// `--site NAME`), each writing its own run record; `fleet-scan merge` makes one run of them.

const count = z.number().int().nonnegative();

/** The slice of the fleet a shard's run record covers. */
export const shardSchema = z.strictObject({
  /** 1-based: shard 3 of 8 is `--shard 3/8` (Kubernetes' JOB_COMPLETION_INDEX 2). */
  index: z.number().int().positive(),
  count: z.number().int().positive(),
  /** `--site NAME`: only the hosts of that site were split. */
  site: z.string().optional(),
  /** `--host` patterns that narrowed the fleet before the split; absent when none were given. */
  hostPatterns: z.array(z.string()).optional(),
  /** SHA-256 of the fleet every shard of the run splits (names, sites, clouds, tags, vars): shards of one run agree on it. */
  fleetDigest: z.string(),
}).refine((s) => s.index <= s.count, { message: 'index must be at most count', path: ['index'] });
export type Shard = z.infer<typeof shardSchema>;

/** What became of one shard in a merge: its record merged, merged but cut short, or no record at all. */
const SHARD_STATES = ['merged', 'interrupted', 'missing'] as const;

const shardStateSchema = z.strictObject({
  index: z.number().int().positive(),
  count: z.number().int().positive(),
  site: z.string().optional(),
  state: z.enum(SHARD_STATES),
  /** Hosts the split gives this shard. */
  hosts: count,
  /** The controller that scanned it, from its record. */
  controller: z.string().optional(),
});
export type ShardState = z.infer<typeof shardStateSchema>;

/** How a merged run was put together: every shard the fleet was split into, present or not. */
export const mergedSchema = z.strictObject({
  shards: z.array(shardStateSchema),
  /** Hosts no shard covers: without a site, in a run split by site. */
  unsited: count,
});
export type Merged = z.infer<typeof mergedSchema>;

/** `shard 3/8`, `site paris shard 3/8`, or `site paris` for a site scanned whole. */
export function shardLabel(shard: { index: number; count: number; site?: string }): string {
  const part = `shard ${shard.index}/${shard.count}`;
  if (!shard.site) return part;
  return shard.count === 1 ? `site ${shard.site}` : `site ${shard.site} ${part}`;
}

/**
 * The one line a merged run that is not whole starts with, e.g. `incomplete: shard 3/8 missing,
 * shard 5/8 interrupted`; undefined for a whole run or a run that was never merged.
 */
export function incompleteLine(merged: Merged | undefined): string | undefined {
  if (!merged) return undefined;
  const parts = merged.shards.filter((s) => s.state !== 'merged').map((s) => `${shardLabel(s)} ${s.state}`);
  if (merged.unsited > 0) parts.push(`${merged.unsited} ${merged.unsited === 1 ? 'host has' : 'hosts have'} no site`);
  return parts.length > 0 ? `incomplete: ${parts.join(', ')}` : undefined;
}
