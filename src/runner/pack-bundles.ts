import { createHash } from 'node:crypto';
import { buildBundle } from '../checks/bundle.js';
import type { Bundle } from './transports/transport.js';

/**
 * The bundle for a set of checks: only those checks and the helpers they reach, with the staged probe
 * library for a lab host. A fleet has few distinct sets (cloud, phase, vars that are set), so a run builds
 * a handful and every host of a set shares one, under a key named by its text (a worker caches by key).
 */
export type BundleFor = (staged: boolean, checks: readonly string[]) => Bundle;

export function packBundles(pack: string): BundleFor {
  const made = new Map<string, Bundle>();
  return (staged, checks) => {
    const wanted = `${staged ? 'staged' : 'real'}\0${checks.join(',')}`;
    let bundle = made.get(wanted);
    if (!bundle) {
      const text = buildBundle(pack, { staged, checks });
      const digest = createHash('sha256').update(text).digest('hex').slice(0, 16);
      bundle = { key: `bundle:${pack}:${digest}`, text };
      made.set(wanted, bundle);
    }
    return bundle;
  };
}
