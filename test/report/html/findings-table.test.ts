import { describe, expect, it } from 'vitest';
import { findingsSection } from '../../../src/report/html/findings-table.js';
import { syntheticRun } from '../../helpers/synthetic-run.js';

function oneHost() {
  const record = syntheticRun({ hosts: 1, checks: 5, unreachableRate: 0, timeoutRate: 0 });
  const ids = record.checks.map((c) => c.id);
  record.hosts[0]!.checks = [
    { id: ids[0]!, status: 'pass', summary: 'fine', evidence: [] },
    { id: ids[1]!, status: 'fail', summary: 'Windows 7 found', evidence: ['version 6.1', 'build 7601'] },
    { id: ids[2]!, status: 'warn', summary: 'Hidden parent folder', evidence: [] },
    { id: ids[3]!, status: 'error', summary: 'probe broke', reason: 'Access is denied.', evidence: [] },
    { id: ids[4]!, status: 'skipped', summary: 'n/a', evidence: [] },
  ];
  return record;
}

describe('findingsSection', () => {
  it('lists failures, warnings, errors and waivers, not passes or skips', () => {
    const rows = findingsSection(oneHost()).text.match(/<tr data-status="\|([a-z-]+)\|"/g);
    expect(rows).toEqual(['<tr data-status="|fail|"', '<tr data-status="|warn|"', '<tr data-status="|error|"']);
  });

  it('names a failure by its problem and the host\'s words, a warning by the host\'s words alone', () => {
    const text = findingsSection(oneHost()).text;
    expect(text).toContain('<td>Unsupported Windows version or 32-bit Windows: Windows 7 found</td>');
    expect(text).toContain('<td>Hidden parent folder</td>');
    expect(text).toContain('<td>probe broke (Access is denied.)</td>');
  });

  it('shows each evidence line', () => {
    expect(findingsSection(oneHost()).text).toContain('<ul class="evidence"><li>version 6.1</li><li>build 7601</li></ul>');
  });

  it('says so when there is nothing to list', () => {
    const record = oneHost();
    record.hosts[0]!.checks = [];
    expect(findingsSection(record).text).toContain('No check failed, warned or broke on any host.');
  });
});
