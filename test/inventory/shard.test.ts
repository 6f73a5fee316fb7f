import { describe, expect, it } from 'vitest';
import type { ResolvedHost } from '../../src/inventory/schema.js';
import { fleetDigest, shardHosts, shardOf, siteHosts } from '../../src/inventory/shard.js';

// A fixed, seed-free fleet: the same names on every run of the test, so every figure below is exact.
const names = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `srv-${String(from + i).padStart(5, '0')}`);
const FLEET = names(1, 1000);

function host(name: string, extra: Partial<ResolvedHost> = {}): ResolvedHost {
  return {
    name, address: name, transport: 'ssh', port: 22, shell: 'powershell.exe', subsystem: 'powershell', useSsl: true, auth: 'ntlm',
    skipCertificateCheck: false, lab: false, cloud: 'public', tags: [], connectTimeoutMs: 15_000, vars: {}, ...extra,
  };
}

const assignment = (fleet: string[], count: number) => new Map(fleet.map((n) => [n, shardOf(n, count)]));

describe('the shard split', () => {
  it('adding 10 % more hosts moves none of the existing ones (at most about 10 % is the promise)', () => {
    const before = assignment(FLEET, 8);
    const after = assignment([...FLEET, ...names(1001, 1100)], 8);
    const moved = FLEET.filter((n) => before.get(n) !== after.get(n));
    expect(moved.length / FLEET.length).toBeLessThanOrEqual(0.1);
    expect(moved).toEqual([]);
  });

  it('going from 8 to 9 shards moves only the hosts the new shard takes, about 1 in 9', () => {
    const before = assignment(FLEET, 8);
    const after = assignment(FLEET, 9);
    const moved = FLEET.filter((n) => before.get(n) !== after.get(n));
    expect(moved.every((n) => after.get(n) === 9)).toBe(true);
    expect(moved.length / FLEET.length).toBeGreaterThan(0.07);
    expect(moved.length / FLEET.length).toBeLessThan(0.16);
  });

  it('spreads a fleet evenly: each of 8 shards holds 1/8 of 1000 hosts within a quarter', () => {
    const sizes = Array.from({ length: 8 }, (_, i) => FLEET.filter((n) => shardOf(n, 8) === i + 1).length);
    for (const size of sizes) {
      expect(size).toBeGreaterThan(125 * 0.75);
      expect(size).toBeLessThan(125 * 1.25);
    }
  });

  it('a host keeps its shard whatever the case of its name, as Windows names compare', () => {
    expect(shardOf('WEB01.contoso.local', 8)).toBe(shardOf('web01.CONTOSO.local', 8));
  });

  it('the shards of a fleet are disjoint, cover every host and keep inventory order', () => {
    const hosts = FLEET.slice(0, 50).map((n) => host(n));
    const shards = [1, 2, 3].map((index) => shardHosts(hosts, { index, count: 3 }));
    expect(shards.flat().map((h) => h.name).sort()).toEqual(hosts.map((h) => h.name).sort());
    for (const shard of shards) expect(shard).toEqual(hosts.filter((h) => shard.includes(h)));
    expect(shardHosts(hosts, { index: 1, count: 1 })).toEqual(hosts);
  });

  it('a site selects its hosts case-insensitively, and hosts without a site are in none', () => {
    const hosts = [host('a', { site: 'Paris' }), host('b'), host('c', { site: 'lyon' }), host('d', { site: 'paris' })];
    expect(siteHosts(hosts, 'PARIS').map((h) => h.name)).toEqual(['a', 'd']);
    expect(siteHosts(hosts, 'nowhere')).toEqual([]);
  });
});

describe('the fleet digest', () => {
  const fleet = [host('fs01', { site: 'paris', tags: ['a', 'b'], vars: { vaultName: 'rsv', proxy: { host: 'p', port: 1 } } }), host('fs02')];

  it('is the same for the same fleet in another order, with keys, tags and connection details that differ', () => {
    const reordered = [
      host('fs02', { address: '10.0.0.2', keyFile: '/elsewhere/id', port: 2222 }),
      host('FS01'.toLowerCase(), { site: 'paris', tags: ['b', 'a'], vars: { proxy: { port: 1, host: 'p' }, vaultName: 'rsv' } }),
    ];
    expect(fleetDigest(reordered)).toBe(fleetDigest(fleet));
  });

  it('changes when a host, its site, cloud, tags or vars change', () => {
    const digest = fleetDigest(fleet);
    const changed = [
      [...fleet, host('fs03')],
      [{ ...fleet[0]!, site: 'lyon' }, fleet[1]!],
      [{ ...fleet[0]!, cloud: 'china' as const }, fleet[1]!],
      [{ ...fleet[0]!, tags: ['a'] }, fleet[1]!],
      [{ ...fleet[0]!, vars: { vaultName: 'rsv2', proxy: { host: 'p', port: 1 } } }, fleet[1]!],
    ];
    for (const hosts of changed) expect(fleetDigest(hosts)).not.toBe(digest);
  });
});
