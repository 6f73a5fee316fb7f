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
