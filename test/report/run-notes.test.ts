import { describe, expect, it } from 'vitest';
import { runNotes } from '../../src/report/run-notes.js';
import { syntheticRun } from '../helpers/synthetic-run.js';

describe('runNotes', () => {
  it('says nothing about a run of real hosts reached with checked certificates', () => {
    const record = syntheticRun({ hosts: 3, seed: 3 });
    expect(runNotes({ ...record, hosts: record.hosts.map(({ staged: _s, ...h }) => h) })).toEqual([]);
  });

  it('names the hosts reached without a certificate check, and counts staged lab hosts', () => {
    const record = syntheticRun({ hosts: 3, seed: 3 });
    const hosts = record.hosts.map((h, i) => ({ ...h, staged: true, ...(i === 0 ? { certificateUnchecked: true as const } : {}) }));
    expect(runNotes({ ...record, hosts })).toEqual([
      '3 hosts of a lab: their Windows state came from staged state files, not from real Windows machines.',
      `1 host reached over HTTPS without checking the certificate (skipCertificateCheck): ${hosts[0]!.name}.`,
    ]);
  });
});
