import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/checks/catalog.js';
import { planHost } from '../../src/checks/plan.js';
import { packBundles } from '../../src/runner/pack-bundles.js';

const pack = loadPack('mars');
/** The checks a bundle carries, from its per-file marker lines. */
const checksIn = (text: string) => [...text.matchAll(/^# ---- ps-scripts\/packs\/mars\/([a-z0-9-]+)\.ps1$/gm)].map((m) => m[1]);

describe('packBundles', () => {
  const hostIds = pack.checks.filter((c) => c.kind === 'host').map((c) => c.id);

  it('gives a host only the checks of its plan: an install-phase host gets no registration-phase check', () => {
    const bundleFor = packBundles('mars');
    const plan = planHost(pack, hostIds, { cloud: 'public', vars: { phase: 'install' } });
    const carried = checksIn(bundleFor(false, plan.run.map((r) => r.id)).text);
    expect(carried.sort()).toEqual(plan.run.map((r) => r.id).sort());
    const registration = pack.checks.filter((c) => c.kind === 'host' && c.phase === 'registration').map((c) => c.id);
    expect(registration.length).toBeGreaterThan(0);
    for (const id of registration) expect(carried).not.toContain(id);
  });

  it('builds one bundle per set of checks and kind: hosts of one plan share it, key and text', () => {
    const bundleFor = packBundles('mars');
    const ids = ['mars-agent-detect', 'mars-dotnet-version'];
    const first = bundleFor(false, ids);
    expect(bundleFor(false, [...ids])).toBe(first);
    expect(bundleFor(true, ids).key).not.toBe(first.key);
    expect(bundleFor(false, ['mars-agent-detect']).key).not.toBe(first.key);
    expect(first.key).toMatch(/^bundle:mars:[0-9a-f]{16}$/);
  });

  it('gives the fleet side only the fleet checks', () => {
    const fleet = pack.checks.filter((c) => c.kind === 'fleet').map((c) => c.id);
    const text = packBundles('mars')(false, fleet).text;
    expect(checksIn(text).sort()).toEqual([...fleet].sort());
    expect(text).toContain('function Invoke-FleetScanFleetChecks');
  });
});
