import { describe, expect, it } from 'vitest';
import { hostsSection } from '../../../src/report/html/hosts-table.js';
import { syntheticRun } from '../../helpers/synthetic-run.js';

describe('hostsSection', () => {
  it('has one row per host, with its readiness, cloud and tags to filter on', () => {
    const record = syntheticRun({ hosts: 12 });
    const text = hostsSection(record).text;
    expect(text.match(/<tr data-status=/g)).toHaveLength(12);
    expect(text).toContain(`data-cloud="|${record.hosts[0]!.cloud}|" data-tag="|prod|files|"`);
  });

  it('names a host\'s problems by their failure phrase, linked to the check', () => {
    const record = syntheticRun({ hosts: 1, checks: 17, unreachableRate: 0, timeoutRate: 0 });
    record.hosts[0]!.checks = [{ id: 'mars-clock-skew', status: 'fail', summary: 'off', evidence: [] }];
    expect(hostsSection(record).text).toContain('<a href="#check-mars-clock-skew">Clock off by 5 minutes or more</a>');
  });

  it('gives an unscanned host\'s reason', () => {
    const record = syntheticRun({ hosts: 1, unreachableRate: 1 });
    expect(hostsSection(record).text).toContain('ssh: connect to host port 22: Connection timed out');
  });
});
