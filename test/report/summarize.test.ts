import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/record/run-record.js';
import { summarizeRun } from '../../src/report/summarize.js';
import { syntheticRun } from '../helpers/synthetic-run.js';

/** A tiny run where each host's statuses are given per check, in catalogue order. */
function runOf(checks: number, hosts: [status: RunRecord['hosts'][number]['status'], ...checkStatuses: string[]][]): RunRecord {
  const record = syntheticRun({ hosts: hosts.length, checks, unreachableRate: 0, timeoutRate: 0 });
  record.waivers = [];
  hosts.forEach(([status, ...statuses], i) => {
    const host = record.hosts[i]!;
    host.status = status;
    host.checks = statuses.map((s, j) => ({ id: record.checks[j]!.id, status: s as never, summary: '', evidence: [] }));
  });
  return record;
}

describe('summarizeRun', () => {
  it('counts servers with at least one fail, once each, and names their problems, most hosts first', () => {
    const record = runOf(3, [
      ['ok', 'fail', 'fail', 'pass'],
      ['ok', 'pass', 'fail', 'warn'],
      ['ok', 'pass', 'pass', 'pass'],
      ['unreachable', 'not-run', 'not-run', 'not-run'],
    ]);
    const summary = summarizeRun(record);
    expect(summary.failingHosts).toBe(2);
    expect(summary.unscannedHosts).toBe(1);
    expect(summary.checks.map((c) => c.id)).toEqual(['mars-os-supported', 'mars-local-admin', 'mars-os-server-core']);
    expect(summary.verdict).toBe(
      '2 of 4 servers will fail MARS installation or registration: Unsupported Windows version or 32-bit Windows on 2 and Installing account not a local administrator on 1; 1 could not be scanned.',
    );
  });

  it('says installation when only install-phase checks failed', () => {
    const record = runOf(3, [['ok', 'pass', 'fail', 'fail']]);
    expect(summarizeRun(record).verdict).toBe(
      '1 of 1 server will fail MARS installation: Unsupported Windows version or 32-bit Windows on 1 and Server Core or Nano Server installation on 1.',
    );
  });

  it('says registration when only registration-phase checks failed', () => {
    const record = syntheticRun({ hosts: 1, checks: 30, unreachableRate: 0, timeoutRate: 0 });
    record.hosts[0]!.checks = [{ id: 'mars-clock-skew', status: 'fail', summary: '', evidence: [] }];
    expect(summarizeRun(record).verdict).toBe('1 of 1 server will fail MARS registration: Clock off by 5 minutes or more on 1.');
  });

  it('names three problems and counts the rest', () => {
    const record = runOf(5, [['ok', 'fail', 'fail', 'fail', 'fail', 'fail']]);
    expect(summarizeRun(record).verdict).toMatch(/: [^;]+ on 1, [^;]+ on 1, [^;]+ on 1 and 2 more problems\.$/);
  });

  it('says plainly that nothing failed, and still mentions hosts it could not scan', () => {
    const record = runOf(2, [
      ['ok', 'pass', 'warn'],
      ['timeout', 'pass', 'not-run'],
    ]);
    expect(summarizeRun(record).verdict).toBe(
      'No failures: 1 of 2 servers scanned, none will fail MARS installation or registration; 1 could not be scanned.',
    );
  });

  it('does not count a waived failure as a failing server', () => {
    const record = runOf(1, [['ok', 'waived']]);
    expect(summarizeRun(record).failingHosts).toBe(0);
    expect(summarizeRun(record).checkCounts.waived).toBe(1);
  });

  it('counts a selected check with no outcome on a host as not-run', () => {
    const record = runOf(2, [['ok', 'pass']]);
    const summary = summarizeRun(record);
    expect(summary.checkCounts['not-run']).toBe(1);
    expect(summary.checks.find((c) => c.id === 'mars-os-supported')!.counts['not-run']).toBe(1);
  });
});
