// Which controller scans which host when a fleet is split: by site (`--site NAME`), then into shards
// (`--shard K/N`) by rendezvous hashing of the host name. The split is a pure function of the inventory,
// so every controller, and the merge afterwards, computes the same one without talking to the others.
import { createHash } from 'node:crypto';
import type { ResolvedHost } from './schema.js';

/** Shard `index` (1-based) of `count`. */
export interface ShardSlice {
  index: number;
  count: number;
}

// Rendezvous (highest random weight) hashing: a host goes to the shard whose weight for its name is
// highest. Its shard depends on nothing but its own name and the shard count, so hosts added to or
// removed from the inventory move no other host, and going from N to N+1 shards moves only the hosts
// the new shard wins (about 1/(N+1) of them). Names compare case-insensitively, as Windows names do.
function weight(name: string, shard: number): bigint {
  return createHash('sha256').update(`${shard}\u0000${name.toLowerCase()}`).digest().readBigUInt64BE(0);
}

/** The shard (1..count) a host of this name belongs to. */
export function shardOf(name: string, count: number): number {
  let best = 1;
  let bestWeight = -1n;
  for (let shard = 1; shard <= count; shard++) {
    const w = weight(name, shard);
    if (w > bestWeight) {
      best = shard;
      bestWeight = w;
    }
  }
  return best;
}

/** The hosts of one shard, in inventory order. */
export function shardHosts<H extends { name: string }>(hosts: readonly H[], slice: ShardSlice): H[] {
  return hosts.filter((host) => shardOf(host.name, slice.count) === slice.index);
}

/** The hosts of one site (case-insensitive), in inventory order. */
export function siteHosts<H extends { site?: string }>(hosts: readonly H[], site: string): H[] {
  const wanted = site.toLowerCase();
  return hosts.filter((host) => host.site?.toLowerCase() === wanted);
}

/**
 * SHA-256 of what a split and a merge depend on, host by host: name, site, cloud, tags and vars. Shards
 * of one run must have read the same fleet; connection details and file paths are left out, since a
 * merge machine may keep the inventory elsewhere and hold no keys. Order of hosts and keys does not count.
 */
export function fleetDigest(hosts: readonly ResolvedHost[]): string {
  const rows = hosts
    .map((h) => ({ name: h.name, site: h.site ?? null, cloud: h.cloud, tags: [...h.tags].sort(), vars: h.vars }))
    .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0));
  return createHash('sha256').update(canonicalJson(rows)).digest('hex');
}

// JSON with object keys sorted at every depth, so equal data always hashes the same.
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
