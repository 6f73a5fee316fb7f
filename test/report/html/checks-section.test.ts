import { describe, expect, it } from 'vitest';
import { checksSection, HOSTS_LISTED } from '../../../src/report/html/checks-section.js';
import { summarizeRun } from '../../../src/report/summarize.js';
import { syntheticRun } from '../../helpers/synthetic-run.js';

const section = (record: ReturnType<typeof syntheticRun>) => checksSection(record, summarizeRun(record)).text;

describe('checksSection', () => {
  it('gives each check its problem, remediation and source link', () => {
    const record = syntheticRun({ hosts: 3, checks: 3 });
    const text = section(record);
    for (const check of record.checks) {
      expect(text).toContain(`<div class="check" id="check-${check.id}">`);
      expect(text).toContain(`<b>Remediation:</b> ${check.remediation}`);
      expect(text).toContain(`<a href="${check.source}" rel="noopener noreferrer">`);
    }
  });

  it('links only http and https sources', () => {
    const record = syntheticRun({ hosts: 1, checks: 1 });
    record.checks[0]!.source = 'javascript:alert(1)';
    expect(section(record)).not.toContain('javascript:');
  });

  it('lists the failing hosts up to a limit and counts the rest', () => {
    const record = syntheticRun({ hosts: HOSTS_LISTED + 5, checks: 1, unreachableRate: 0, timeoutRate: 0 });
    for (const host of record.hosts) host.checks = [{ id: record.checks[0]!.id, status: 'fail', summary: '', evidence: [] }];
    expect(section(record)).toContain('and 5 more (filter the findings by this check)');
  });
});
