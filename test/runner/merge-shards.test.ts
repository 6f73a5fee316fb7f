import { describe, expect, it } from 'vitest';
import type { ResolvedHost } from '../../src/inventory/schema.js';
import { fleetDigest, shardHosts } from '../../src/inventory/shard.js';
import { mergeBasis } from '../../src/record/merge-basis.js';
import type { CheckMetadata } from '../../src/record/check-metadata.js';
import type { HostResult, RunRecord } from '../../src/record/run-record.js';
import { incompleteLine } from '../../src/record/shard.js';
import { mergeShards } from '../../src/runner/merge-shards.js';
import { checkMeta, host, outcome, runRecord } from '../history/helpers/records.js';

function inventoryHost(name: string, extra: Partial<ResolvedHost> = {}): ResolvedHost {
  return {
    name, address: `${name}.lab.example`, transport: 'ssh', port: 22, shell: 'powershell.exe', subsystem: 'powershell', useSsl: true,
    auth: 'ntlm', skipCertificateCheck: false, lab: false, cloud: 'public', tags: [], connectTimeoutMs: 10_000, vars: { vaultName: 'rsv' }, ...extra,
  };
}

const FLEET_CHECK: CheckMetadata = { ...checkMeta('mars-fleet'), kind: 'fleet' };
const CHECKS = [checkMeta('mars-a'), FLEET_CHECK];

/** What a shard's scan of these hosts records: mars-a passed, and the shard's own (partial) fleet verdict. */
function scanned(hosts: readonly ResolvedHost[], shard: { index: number; count: number; site?: string }, inventory: readonly ResolvedHost[], extra: Partial<RunRecord> = {}): RunRecord {
  const results = hosts.map((h): HostResult => ({
    ...host(h.name, [outcome('mars-a', 'pass'), outcome('mars-fleet', 'pass', 'judged by the shard alone')], { address: h.address }),
    ...(h.site && { site: h.site }),
    vault: 'rsv',
  }));
  return {
    ...runRecord({ runId: 'night-1', hosts: results, checks: CHECKS, startedAt: `2026-11-25T02:0${shard.index}:00.000Z` }),
    finishedAt: `2026-11-25T03:0${shard.index}:00.000Z`,
    controller: `pod-${shard.index - 1}`,
    shard: { ...shard, fleetDigest: fleetDigest(inventory) },
    ...extra,
  };
}

function merge(inventory: ResolvedHost[], records: RunRecord[]) {
  const based = mergeBasis(records.map((record, i) => ({ file: `s${i + 1}.json`, record })));
  if (!based.ok) throw new Error(based.message);
  return mergeShards({ basis: based.basis, shards: based.shards, inventoryHosts: inventory, inventoryPath: '/etc/fleet-scan/inventory.json' });
}

function merged(inventory: ResolvedHost[], records: RunRecord[]): RunRecord {
  const result = merge(inventory, records);
  if (!result.ok) throw new Error(result.message);
  return result.record;
}

const INVENTORY = Array.from({ length: 12 }, (_, i) => inventoryHost(`fs${String(i + 1).padStart(2, '0')}`));
const slices = (count: number, hosts = INVENTORY) => Array.from({ length: count }, (_, i) => ({ index: i + 1, count, hosts: shardHosts(hosts, { index: i + 1, count }) }));

describe('mergeShards', () => {
  it('gives every host of the fleet in inventory order, from the shard that scanned it, without the shards\' fleet verdicts', () => {
    const record = merged(INVENTORY, slices(3).map((s) => scanned(s.hosts, s, INVENTORY)));
    expect(record.hosts.map((h) => h.name)).toEqual(INVENTORY.map((h) => h.name));
    expect(record.hosts.every((h) => h.status === 'ok' && h.checks.map((c) => c.id).join() === 'mars-a')).toBe(true);
    expect(record.merged).toEqual({ shards: slices(3).map((s) => ({ index: s.index, count: 3, state: 'merged', hosts: s.hosts.length, controller: `pod-${s.index - 1}` })), unsited: 0 });
    expect(incompleteLine(record.merged)).toBeUndefined();
    expect(record).toMatchObject({
      runId: 'night-1', interrupted: false, inventory: { path: '/etc/fleet-scan/inventory.json', key: 'inv-a', hostCount: 12 },
      startedAt: '2026-11-25T02:01:00.000Z', finishedAt: '2026-11-25T03:03:00.000Z', durationMs: 62 * 60_000, waivers: [], changes: null,
    });
  });

  it('undoes a shard\'s waivers, so the merge waives the whole fleet by its own file', () => {
    const [one, two] = slices(2);
    const first = scanned(one!.hosts, one!, INVENTORY);
    first.hosts[0]!.checks[0] = { ...outcome('mars-a', 'waived', 'old .NET'), waivedStatus: 'fail', waiver: { justification: 'j', owner: 'o', expires: '2099-01-01' } };
    const record = merged(INVENTORY, [first, scanned(two!.hosts, two!, INVENTORY)]);
    expect(record.hosts.find((h) => h.name === first.hosts[0]!.name)!.checks[0]).toEqual(outcome('mars-a', 'fail', 'old .NET'));
  });

  it('marks every host of a missing shard not-run, naming the shard, and the run incomplete', () => {
    const [one, two, three] = slices(3);
    const record = merged(INVENTORY, [scanned(one!.hosts, one!, INVENTORY), scanned(three!.hosts, three!, INVENTORY)]);
    const lost = record.hosts.filter((h) => two!.hosts.some((x) => x.name === h.name));
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.length).toBe(two!.hosts.length);
    for (const h of lost) {
      expect(h).toMatchObject({ status: 'not-run', reason: 'shard 2/3 missing: no run record', termination: { reason: 'interrupted', detail: 'shard 2/3 missing: no run record' } });
      expect(h.checks).toEqual([{ id: 'mars-a', status: 'not-run', summary: 'shard 2/3 missing: no run record', evidence: [], reason: 'shard 2/3 missing: no run record' }]);
    }
    expect(record.merged!.shards[1]).toEqual({ index: 2, count: 3, state: 'missing', hosts: two!.hosts.length });
    expect(incompleteLine(record.merged)).toBe('incomplete: shard 2/3 missing');
  });

  it('keeps what an interrupted shard finished and calls the run incomplete', () => {
    const [one, two] = slices(2);
    const cut = scanned(two!.hosts, two!, INVENTORY, { interrupted: true });
    const record = merged(INVENTORY, [scanned(one!.hosts, one!, INVENTORY), cut]);
    expect(record.merged!.shards.map((s) => s.state)).toEqual(['merged', 'interrupted']);
    expect(incompleteLine(record.merged)).toBe('incomplete: shard 2/2 interrupted');
    expect(record.interrupted).toBe(false);
  });

  it('split by site: expects each site\'s shards, a site without a record is missing whole, hosts without a site are named', () => {
    const inventory = INVENTORY.map((h, i) => ({ ...h, ...(i < 6 ? { site: 'paris' } : i < 10 ? { site: 'lyon' } : {}) }));
    const paris = slices(2, inventory.filter((h) => h.site === 'paris'));
    const record = merged(inventory, paris.map((s) => scanned(s.hosts, { ...s, site: 'paris' }, inventory)));
    expect(record.merged!.shards.map((s) => [s.site, s.index, s.count, s.state, s.hosts])).toEqual([
      ['paris', 1, 2, 'merged', paris[0]!.hosts.length], ['paris', 2, 2, 'merged', paris[1]!.hosts.length], ['lyon', 1, 1, 'missing', 4],
    ]);
    expect(record.merged!.unsited).toBe(2);
    expect(incompleteLine(record.merged)).toBe('incomplete: site lyon missing, 2 hosts have no site');
    expect(record.hosts.find((h) => h.name === 'fs07')).toMatchObject({ status: 'not-run', reason: 'site lyon missing: no run record' });
    expect(record.hosts.find((h) => h.name === 'fs12')).toMatchObject({ status: 'not-run', reason: 'no site: no shard scanned it' });
    expect(record.hosts.map((h) => h.name)).toEqual(inventory.map((h) => h.name));
  });

  it('covers only the hosts the shards selected (--tags, --host), as one controller would have', () => {
    const inventory = INVENTORY.map((h, i) => ({ ...h, tags: i % 2 === 0 ? ['prod'] : [] }));
    const prod = inventory.filter((h) => h.tags.includes('prod'));
    const records = slices(2, prod).map((s) => scanned(s.hosts, s, inventory));
    for (const r of records) r.parameters = { ...r.parameters, tags: ['prod'] };
    const record = merged(inventory, records);
    expect(record.hosts.map((h) => h.name)).toEqual(prod.map((h) => h.name));
    expect(record.inventory.hostCount).toBe(6);
  });

  it('refuses a shard record holding a host the split gives another shard', () => {
    const [one, two] = slices(2);
    const wrong = scanned([...two!.hosts, one!.hosts[0]!], two!, INVENTORY);
    const result = merge(INVENTORY, [scanned(one!.hosts, one!, INVENTORY), wrong]);
    expect(result).toEqual({
      ok: false,
      message: `s2.json: ${one!.hosts[0]!.name} is not a host shard 2/2 gets from /etc/fleet-scan/inventory.json: was it scanned from another inventory?`,
    });
  });
});
