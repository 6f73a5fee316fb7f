// The order in which changes since the previous run are shown: most alarming first.
import type { Change } from '../record/run-record.js';

export const CHANGE_KIND_ORDER: Change['kind'][] = [
  'new-failure', 'newly-unreachable', 'status-changed', 'evidence-changed', 'host-added', 'host-removed', 'reachable-again', 'fixed',
];

/** Changes by kind (new failures first), then host, then check. */
export function sortChanges(changes: Change[]): Change[] {
  const rank = new Map(CHANGE_KIND_ORDER.map((k, i) => [k, i]));
  const cmp = (a = '', b = '') => (a < b ? -1 : a > b ? 1 : 0);
  return [...changes].sort((a, b) => rank.get(a.kind)! - rank.get(b.kind)! || cmp(a.host, b.host) || cmp(a.check, b.check));
}
