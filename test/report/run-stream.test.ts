import { describe, expect, it } from 'vitest';
import { recordStream, runDigest, wholeRun } from '../../src/report/run-stream.js';
import { streamOnly } from '../helpers/stream-only.js';
import { syntheticRun } from '../helpers/synthetic-run.js';

describe('recordStream', () => {
  it('gives the record as its header and its hosts in record order, as often as it is read', async () => {
    const record = syntheticRun({ hosts: 6 });
    const stream = recordStream(record);
    for (let read = 0; read < 2; read++) {
      const names: string[] = [];
      for await (const host of stream.hosts()) names.push(host.name);
      expect(names).toEqual(record.hosts.map((h) => h.name));
    }
    expect(stream.header).not.toHaveProperty('hosts');
    expect(stream.header.runId).toBe(record.runId);
    expect(await runDigest(stream)).toBe(record);
  });
});

describe('runDigest', () => {
  it('keeps every host and each outcome\'s id and status, and drops what only the findings show', async () => {
    const record = syntheticRun({ hosts: 40 });
    const digest = await runDigest(streamOnly(record));
    expect(digest.hosts.map((h) => [h.name, h.status, h.reason])).toEqual(record.hosts.map((h) => [h.name, h.status, h.reason]));
    expect(digest.hosts.map((h) => h.checks.map((c) => `${c.id} ${c.status}`))).toEqual(record.hosts.map((h) => h.checks.map((c) => `${c.id} ${c.status}`)));
    const outcomes = digest.hosts.flatMap((h) => h.checks);
    expect(outcomes.every((c) => c.summary === '' && c.evidence.length === 0 && c.reason === undefined && c.waiver === undefined)).toBe(true);
  });

  it('shares one outcome object per check and status, so a large run\'s digest stays small', async () => {
    const record = syntheticRun({ hosts: 200, checks: 10 });
    const digest = await runDigest(streamOnly(record));
    const distinct = new Set(digest.hosts.flatMap((h) => h.checks));
    const pairs = new Set(record.hosts.flatMap((h) => h.checks.map((c) => `${c.id} ${c.status}`)));
    expect(distinct.size).toBe(pairs.size);
    expect(distinct.size).toBeLessThan(10 * 7 + 1);
  });
});

describe('wholeRun', () => {
  it('reads every host of a stream back into one record', async () => {
    const record = syntheticRun({ hosts: 9, changes: true });
    expect(await wholeRun(streamOnly(record))).toEqual(record);
  });
});
