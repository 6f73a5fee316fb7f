import type { Inventory, ResolvedHost } from '../../inventory/schema.js';
import { selectHosts, unmatchedNames } from '../../inventory/select.js';
import { UsageError } from '../usage-error.js';

export interface HostFilters {
  /** --host names (`*` wildcards), or null for every host. */
  names: string[] | null;
  tags: string[] | null;
  /** --connect-timeout (or the resumed run's), for every host. */
  connectTimeoutMs: number | undefined;
  /** A resumed run scans only the hosts it started with. */
  runHostNames?: readonly string[];
}

/** The inventory's hosts a scan reaches, in inventory order; a --host that matches nothing is a usage error, not an empty run. */
export function scanHosts(inventory: Inventory, filters: HostFilters): ResolvedHost[] {
  const { names, tags, connectTimeoutMs, runHostNames } = filters;
  const missing = names ? unmatchedNames(inventory.hosts, names) : [];
  if (missing.length) throw new UsageError(missing.map((n) => `--host: no host in ${inventory.path} matches "${n}"`));
  let hosts = selectHosts(inventory.hosts, { ...(tags ? { tags } : {}), ...(names ? { names } : {}) });
  if (hosts.length === 0) {
    throw new UsageError(tags ? `--tags: no host${names ? ' of --host' : ''} in ${inventory.path} has the tag${tags.length > 1 ? 's' : ''} ${tags.map((t) => JSON.stringify(t)).join(', ')}` : `no host in ${inventory.path} matches the filters`);
  }
  if (connectTimeoutMs) hosts = hosts.map((h) => ({ ...h, connectTimeoutMs }));
  if (runHostNames) {
    const known = new Set(runHostNames);
    hosts = hosts.filter((h) => known.has(h.name));
  }
  return hosts;
}
