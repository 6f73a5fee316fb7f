import { describe, expect, it } from 'vitest';
import { mergeBasis } from '../../src/record/merge-basis.js';
import type { RunRecord } from '../../src/record/run-record.js';
import type { Shard } from '../../src/record/shard.js';
import { host, outcome, runRecord } from '../history/helpers/records.js';

const DIGEST = 'd'.repeat(64);

function shardRecord(shard: Partial<Shard> & { index: number; count: number }, extra: Partial<RunRecord> = {}): RunRecord {
  return {
    ...runRecord({ runId: 'night-1', hosts: [host(`h${shard.index}`, [outcome('mars-a', 'pass')])] }),
    shard: { fleetDigest: DIGEST, ...shard },
    ...extra,
  };
}

const files = (...records: RunRecord[]) => records.map((record, i) => ({ file: `s${i + 1}.json`, record }));

function refusal(...records: RunRecord[]): string {
  const result = mergeBasis(files(...records));
  if (result.ok) throw new Error('expected a refusal');
  return result.message;
}

describe('mergeBasis', () => {
  it('takes shards of one run, with the shard count of each site', () => {
    const result = mergeBasis(files(
      shardRecord({ index: 1, count: 2, site: 'paris' }), shardRecord({ index: 2, count: 2, site: 'Paris' }), shardRecord({ index: 1, count: 1, site: 'lyon' }),
    ));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.basis).toMatchObject({ runId: 'night-1', pack: { name: 'mars', version: '1.0.0' }, fleetDigest: DIGEST, bySite: true });
    expect([...result.basis.counts]).toEqual([['paris', 2], ['lyon', 1]]);
  });

  it('keeps the longest connect timeout any shard recorded', () => {
    const a = shardRecord({ index: 1, count: 2 });
    const b = shardRecord({ index: 2, count: 2 });
    b.parameters = { ...b.parameters, connectTimeoutMs: 30_000 };
    const result = mergeBasis(files(a, b));
    expect(result.ok && result.basis.parameters.connectTimeoutMs).toBe(30_000);
  });

  it.each<[string, () => RunRecord[], string]>([
    ['a record that is not a shard', () => [shardRecord({ index: 1, count: 2 }), runRecord({ hosts: [] })], "s2.json: is not a shard's record (scan --shard K/N, --shards N or --site NAME writes one)"],
    ['a merged run', () => [{ ...runRecord({ hosts: [] }), merged: { shards: [], unsited: 0 } }], "s1.json: is a merged run, not a shard's record"],
    ['another run id', () => [shardRecord({ index: 1, count: 2 }), shardRecord({ index: 2, count: 2 }, { runId: 'night-2' })], 's2.json and s1.json: run night-2 and run night-1: merge the shards of one run'],
    ['another pack version', () => [shardRecord({ index: 1, count: 2 }), shardRecord({ index: 2, count: 2 }, { pack: { name: 'mars', version: '1.1.0' } })], 's2.json and s1.json: pack mars 1.1.0 and pack mars 1.0.0: merge the shards of one run'],
    ['another inventory', () => [shardRecord({ index: 1, count: 2 }), shardRecord({ index: 2, count: 2 }, { inventory: { path: '/x.json', key: 'inv-b', hostCount: 1 } })], 's2.json and s1.json: inventory inv-b and inventory inv-a: merge the shards of one run'],
    ['a changed inventory', () => [shardRecord({ index: 1, count: 2 }), shardRecord({ index: 2, count: 2, fleetDigest: 'e'.repeat(64) })], 's2.json and s1.json: the inventory changed between them (its hosts, sites, clouds, tags or vars differ): merge the shards of one run'],
    ['other --checks', () => {
      const b = shardRecord({ index: 2, count: 2 });
      b.parameters = { ...b.parameters, checks: ['mars-a'] };
      return [shardRecord({ index: 1, count: 2 }), b];
    }, 's2.json and s1.json: different --checks: merge the shards of one run'],
    ['other --tags', () => {
      const b = shardRecord({ index: 2, count: 2 });
      b.parameters = { ...b.parameters, tags: ['prod'] };
      return [shardRecord({ index: 1, count: 2 }), b];
    }, 's2.json and s1.json: different --tags: merge the shards of one run'],
    ['other --host', () => [shardRecord({ index: 1, count: 2 }), shardRecord({ index: 2, count: 2, hostPatterns: ['web*'] })], 's2.json and s1.json: different --host: merge the shards of one run'],
    ['the same shard twice', () => [shardRecord({ index: 2, count: 3 }), shardRecord({ index: 2, count: 3 })], 's1.json and s2.json are both shard 2/3'],
    ['a site split two ways', () => [shardRecord({ index: 1, count: 2, site: 'paris' }), shardRecord({ index: 1, count: 4, site: 'paris' })], 's2.json is site paris shard 1/4, s1.json is site paris shard 1/2: shards of one site split it the same way'],
    ['sites mixed with the whole fleet', () => [shardRecord({ index: 1, count: 2 }), shardRecord({ index: 1, count: 1, site: 'paris' })], 's1.json split the whole fleet, s2.json only site paris: a run splits by site everywhere or nowhere'],
  ])('refuses %s with one line naming the files', (_what, records, message) => {
    expect(refusal(...records())).toBe(message);
  });

  it('refuses an empty list', () => {
    expect(refusal()).toBe('merge: give the run records of the shards');
  });
});
