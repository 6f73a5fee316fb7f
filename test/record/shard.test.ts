import { describe, expect, it } from 'vitest';
import { runRecordSchema } from '../../src/record/run-record.js';
import { incompleteLine, shardLabel, type Merged } from '../../src/record/shard.js';
import { host, outcome, runRecord } from '../history/helpers/records.js';

const merged = (shards: Merged['shards'], unsited = 0): Merged => ({ shards, unsited });

describe('shard labels', () => {
  it('name a shard K/N, prefixed by its site; a site scanned whole is named by the site alone', () => {
    expect(shardLabel({ index: 3, count: 8 })).toBe('shard 3/8');
    expect(shardLabel({ index: 2, count: 4, site: 'paris' })).toBe('site paris shard 2/4');
    expect(shardLabel({ index: 1, count: 1, site: 'lyon' })).toBe('site lyon');
  });
});

describe('the incomplete line', () => {
  it('names every shard missing or interrupted, in split order, and hosts without a site', () => {
    const line = incompleteLine(merged([
      { index: 1, count: 8, state: 'merged', hosts: 10 },
      { index: 3, count: 8, state: 'missing', hosts: 9 },
      { index: 5, count: 8, state: 'interrupted', hosts: 11 },
      { index: 1, count: 1, site: 'lyon', state: 'missing', hosts: 4 },
    ], 2));
    expect(line).toBe('incomplete: shard 3/8 missing, shard 5/8 interrupted, site lyon missing, 2 hosts have no site');
  });

  it('is absent for a whole merged run and for a run that was never merged', () => {
    expect(incompleteLine(merged([{ index: 1, count: 2, state: 'merged', hosts: 1 }, { index: 2, count: 2, state: 'merged', hosts: 0 }]))).toBeUndefined();
    expect(incompleteLine(undefined)).toBeUndefined();
  });

  it('speaks of one host in the singular', () => {
    expect(incompleteLine(merged([], 1))).toBe('incomplete: 1 host has no site');
  });
});

describe('shard fields of the run record', () => {
  it('a shard record and a merged record are valid run records; a record without them still is', () => {
    const base = runRecord({ hosts: [host('fs01', [outcome('mars-a', 'pass')], { site: 'paris' })] });
    const shard = { ...base, shard: { index: 2, count: 3, site: 'paris', fleetDigest: 'ab'.repeat(32) } };
    const whole = { ...base, merged: merged([{ index: 1, count: 1, state: 'merged', hosts: 1, controller: 'pod-0' }]) };
    for (const record of [base, shard, whole]) expect(runRecordSchema.parse(JSON.parse(JSON.stringify(record)))).toEqual(record);
  });

  it('refuses a shard numbered outside 1..N or a merged shard in an unknown state', () => {
    const base = runRecord({ hosts: [] });
    expect(runRecordSchema.safeParse({ ...base, shard: { index: 0, count: 3, fleetDigest: 'x' } }).success).toBe(false);
    expect(runRecordSchema.safeParse({ ...base, shard: { index: 4, count: 3, fleetDigest: 'x' } }).success).toBe(false);
    expect(runRecordSchema.safeParse({ ...base, shard: { index: 3, count: 3, fleetDigest: 'x' } }).success).toBe(true);
    expect(runRecordSchema.safeParse({ ...base, merged: { shards: [{ index: 1, count: 1, state: 'lost', hosts: 0 }], unsited: 0 } }).success).toBe(false);
  });
});
