// Readiness by group (cloud, site, tag): how many hosts of each are ready, will fail or could not be scanned.
import type { HostResult, RunRecord } from '../../record/run-record.js';
import { isReadyHost } from '../../history/trend.js';

/** One group: its hosts, and how many are ready, will fail, or could not be scanned (status other than ok). */
export interface GroupReadiness {
  group: string;
  hosts: number;
  ready: number;
  failing: number;
  unscanned: number;
}

export interface Grouping {
  /** "cloud", "site", "tag". */
  by: string;
  rows: GroupReadiness[];
}

// A host's site comes from the inventory's `site` field; hosts without one are in no site group.
const siteOf = (host: HostResult & { site?: string }): string[] => (host.site ? [host.site] : []);

const GROUPINGS: { by: string; keys: (host: HostResult) => string[] }[] = [
  { by: 'cloud', keys: (h) => [h.cloud] },
  { by: 'site', keys: siteOf },
  { by: 'tag', keys: (h) => (h.tags.length > 0 ? h.tags : ['(no tag)']) },
];

const failsAnyCheck = (host: HostResult): boolean => host.checks.some((c) => c.status === 'fail');

/** Readiness by each grouping the hosts carry (a grouping no host has is left out); worst readiness first. */
export function readinessBy(record: RunRecord): Grouping[] {
  const out: Grouping[] = [];
  for (const { by, keys } of GROUPINGS) {
    const rows = new Map<string, GroupReadiness>();
    for (const host of record.hosts) {
      for (const group of new Set(keys(host))) {
        const row = rows.get(group) ?? { group, hosts: 0, ready: 0, failing: 0, unscanned: 0 };
        row.hosts++;
        if (isReadyHost(host)) row.ready++;
        if (failsAnyCheck(host)) row.failing++;
        if (host.status !== 'ok') row.unscanned++;
        rows.set(group, row);
      }
    }
    if (rows.size === 0) continue;
    const share = (r: GroupReadiness) => r.ready / r.hosts;
    out.push({ by, rows: [...rows.values()].sort((a, b) => share(a) - share(b) || b.hosts - a.hosts || (a.group < b.group ? -1 : 1)) });
  }
  return out;
}
