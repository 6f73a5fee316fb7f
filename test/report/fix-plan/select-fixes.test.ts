import { describe, expect, test } from 'vitest';
import type { HostResult } from '../../../src/record/run-record.js';
import { loadFixCatalogue } from '../../../src/report/fix-plan/fix-catalogue.js';
import { selectFixes } from '../../../src/report/fix-plan/select-fixes.js';
import { fixtureHost, fixtureRun } from './fixture-runs.js';

const catalogue = loadFixCatalogue('mars');
const runA = fixtureRun('run-a');
const runB = fixtureRun('run-b');

// fs21 of run A with one outcome replaced.
function withOutcome(id: string, change: Partial<HostResult['checks'][number]>): HostResult {
  const host = fixtureHost(runA, 'fs21');
  return { ...host, checks: host.checks.map((c) => (c.id === id ? { ...c, ...change } : c)) };
}

describe('selectFixes', () => {
  test('gives every failing or warning check with a scripted fix that fix, in the order of the run', () => {
    const fixes = selectFixes(runA, fixtureHost(runA, 'fs21'), catalogue)!;
    expect(fixes.scripted.map((f) => f.check)).toEqual([
      'mars-antivirus-exclusions', 'mars-tls12-schannel', 'mars-tls12-dotnet', 'mars-agent-installed', 'mars-clock-skew',
      'mars-windows-temp-files', 'mars-proxy-config',
    ]);
    expect(fixes.manual).toEqual([]);
    const clock = fixes.scripted.find((f) => f.check === 'mars-clock-skew')!;
    expect(clock.status).toBe('fail');
    expect(clock.summary).toBe('Clock off by 600 s');
    expect(clock.fix.functionName).toBe('Repair-MarsClockSkew');
  });

  test('gives a finding without a scripted fix the steps for a person, and no fix', () => {
    const fixes = selectFixes(runA, fixtureHost(runA, 'fs22'), catalogue)!;
    expect(fixes.scripted).toEqual([]);
    expect(fixes.manual.map((f) => f.check)).toEqual(['mars-os-server-core', 'mars-existing-registration']);
    expect(fixes.manual[1]!.steps).toEqual(catalogue.steps.get('mars-existing-registration'));
    expect(fixes.manual[1]!.steps.join(' ')).toContain('passphrase');
  });

  test('gives steps, not the fix, to a finding the fix was not written for (its evidence or its status)', () => {
    const proxy = withOutcome('mars-proxy-config', { status: 'fail', summary: 'Proxy proxy:8080 unreachable', evidence: ['proxy proxy:8080: refused', 'declared proxy proxy:8080, authRequired False'] });
    const fixes = selectFixes(runA, proxy, catalogue)!;
    expect(fixes.scripted.map((f) => f.check)).not.toContain('mars-proxy-config');
    expect(fixes.manual.find((f) => f.check === 'mars-proxy-config')!.steps).toEqual(catalogue.steps.get('mars-proxy-config'));
    const service = withOutcome('mars-agent-installed', { status: 'fail', summary: 'MARS agent not installed', evidence: ['HKLM:\\SOFTWARE\\Microsoft\\Windows Azure Backup absent'] });
    expect(selectFixes(runA, service, catalogue)!.manual.map((f) => f.check)).toContain('mars-agent-installed');
  });

  test('leaves out waived findings and checks that broke or did not run', () => {
    const waived = withOutcome('mars-clock-skew', { status: 'waived', waivedStatus: 'fail' });
    expect(selectFixes(runA, waived, catalogue)!.scripted.map((f) => f.check)).not.toContain('mars-clock-skew');
    const broken = withOutcome('mars-tls12-dotnet', { status: 'error', summary: 'Check failed: access denied' });
    const fixes = selectFixes(runA, broken, catalogue)!;
    expect([...fixes.scripted, ...fixes.manual].map((f) => f.check)).not.toContain('mars-tls12-dotnet');
  });

  test('gives no plan to a host without findings or a host that was not reached', () => {
    expect(selectFixes(runA, fixtureHost(runA, 'fs23'), catalogue)).toBeNull();
    expect(selectFixes(runB, fixtureHost(runB, 'fs23'), catalogue)).toBeNull();
    expect(selectFixes(runB, fixtureHost(runB, 'fs24'), catalogue)).toBeNull();
  });

  test('falls back to the check\'s remediation when the catalogue has no steps for it', () => {
    const bare = { ...catalogue, steps: new Map<string, readonly string[]>() };
    const fixes = selectFixes(runA, fixtureHost(runA, 'fs22'), bare)!;
    expect(fixes.manual[0]!.steps).toEqual([runA.checks.find((c) => c.id === 'mars-os-server-core')!.remediation]);
  });
});
