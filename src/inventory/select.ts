import type { ResolvedHost } from './schema.js';

export interface HostFilter {
  /** Keep hosts that carry any of these tags (case-insensitive). */
  tags?: string[];
  /** Keep hosts with these names (case-insensitive; `*` matches any run of characters: `web*`). */
  names?: string[];
}

/** The hosts that pass every given filter, in inventory order. */
export function selectHosts(hosts: readonly ResolvedHost[], filter: HostFilter): ResolvedHost[] {
  const tags = filter.tags?.map((tag) => tag.toLowerCase());
  const names = filter.names?.map(namePattern);
  return hosts.filter((host) =>
    (tags === undefined || host.tags.some((tag) => tags.includes(tag.toLowerCase())))
    && (names === undefined || names.some((pattern) => pattern.test(host.name))));
}

/** The names in a filter that match no host, so a typo on the command line is reported, not silently empty. */
export function unmatchedNames(hosts: readonly ResolvedHost[], names: readonly string[]): string[] {
  return names.filter((name) => !hosts.some((host) => namePattern(name).test(host.name)));
}

function namePattern(name: string): RegExp {
  const escaped = name.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${escaped}$`, 'i');
}
