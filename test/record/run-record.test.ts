import { describe, expect, it } from 'vitest';
import { RUN_RECORD_SCHEMA, runRecordSchema } from '../../src/record/run-record.js';
import { syntheticRun } from '../helpers/synthetic-run.js';

describe('runRecordSchema', () => {
  it('reads a run@1 record (no termination) as run@2, each termination following from the stored status', () => {
    const current = syntheticRun({ hosts: 4, seed: 7 });
    const old = {
      ...current,
      schema: 'fleet-scan/run@1',
      hosts: current.hosts.map(({ termination: _dropped, ...rest }) => ({ ...rest, status: 'unreachable', reason: 'connection refused' })),
    };
    const parsed = runRecordSchema.parse(old);
    expect(parsed.schema).toBe(RUN_RECORD_SCHEMA);
    expect(parsed.hosts.map((h) => h.termination)).toEqual(Array(4).fill({ reason: 'connect-failed', detail: 'connection refused' }));
  });

  it('refuses a run@2 host without a termination', () => {
    const record = syntheticRun({ hosts: 1, seed: 1 });
    const { termination: _dropped, ...host } = record.hosts[0]!;
    const result = runRecordSchema.safeParse({ ...record, hosts: [host] });
    expect(result.success).toBe(false);
  });
});

describe('runRecordSchema, checks and trend', () => {
  it('reads a record written before checks had a failure phrase, naming each failure by check id', () => {
    const record = syntheticRun({ hosts: 1, checks: 2 });
    const old = { ...record, checks: record.checks.map(({ failure: _dropped, ...rest }) => rest) };
    expect(runRecordSchema.parse(old).checks.map((c) => c.failure)).toEqual(['Check mars-local-admin failed', 'Check mars-os-supported failed']);
  });

  it('accepts a record without a trend, and a trend of whole counts', () => {
    const record = syntheticRun({ hosts: 1 });
    expect(runRecordSchema.parse(record).trend).toBeUndefined();
    const point = { runId: 'r1', startedAt: record.startedAt, hosts: 3, readyHosts: 1, failingHosts: 1, unreachableHosts: 1, newFailures: null };
    expect(runRecordSchema.parse({ ...record, trend: [point] }).trend).toEqual([point]);
    expect(runRecordSchema.safeParse({ ...record, trend: [{ ...point, readyHosts: -1 }] }).success).toBe(false);
  });
});
