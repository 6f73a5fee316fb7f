import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/record/run-record.js';
import { EXIT_CODES } from '../../src/policy/exit-code.js';
import { renderSummary, shouldUseColor } from '../../src/report/console.js';
import { syntheticRun } from '../helpers/synthetic-run.js';

const base = { color: false, verbose: false, reportPaths: [] as string[], exitCode: 0 };
const ANSI_ESCAPE = /\u001b\[/;

/** Three hosts: one failing two checks, one clean, one unreachable. */
function smallRun(): RunRecord {
  const record = syntheticRun({ hosts: 3, checks: 17, unreachableRate: 0, timeoutRate: 0 });
  record.waivers = [];
  const [a, b, c] = record.hosts as [RunRecord['hosts'][number], RunRecord['hosts'][number], RunRecord['hosts'][number]];
  for (const host of record.hosts) for (const o of host.checks) Object.assign(o, { status: 'pass', summary: 'ok', evidence: [] });
  a.name = 'web01';
  a.checks.find((o) => o.id === 'mars-clock-skew')!.status = 'fail';
  a.checks.find((o) => o.id === 'mars-dotnet-version')!.status = 'fail';
  b.name = 'web02';
  c.name = 'db01';
  c.status = 'unreachable';
  c.reason = 'ssh: connect to host db01 port 22: Connection refused';
  for (const o of c.checks) Object.assign(o, { status: 'not-run' });
  return record;
}

describe('renderSummary', () => {
  it('opens with the run line and the verdict a manager can quote', () => {
    const lines = renderSummary(smallRun(), base).split('\n');
    expect(lines[0]).toBe('fleet-scan mars 1.0.0 · run 20261125-080000-a1b2 · 3 hosts in 4m 12s');
    expect(lines[1]).toBe(
      '1 of 3 servers will fail MARS installation or registration: .NET Framework older than 4.8 on 1 and Clock off by 5 minutes or more on 1; 1 could not be scanned.',
    );
  });

  it('tabulates checks by failing hosts, each named by its problem, with fail, warn and error counts', () => {
    const text = renderSummary(smallRun(), base);
    expect(text).toContain('Checks by failing hosts\n');
    expect(text).toMatch(/\n {2}mars-dotnet-version {2}\.NET Framework older than 4\.8 +1 +0 +0\n/);
    expect(text).toMatch(/\n {2}mars-clock-skew {6}Clock off by 5 minutes or more +1 +0 +0\n/);
    expect(text).not.toContain('mars-local-admin');
  });

  it('lists failing hosts with their failing checks, then unscanned hosts with their reason', () => {
    const text = renderSummary(smallRun(), base);
    expect(text).toContain(
      'Hosts that failed or could not be scanned\n' +
        '  web01  fail         mars-dotnet-version, mars-clock-skew\n' +
        '  db01   unreachable  ssh: connect to host db01 port 22: Connection refused\n',
    );
    expect(text).not.toContain('web02');
  });

  it('shows only the top N hosts unless verbose, and says how many it left out', () => {
    const record = syntheticRun({ hosts: 300 });
    const short = renderSummary(record, { ...base, top: 5 });
    expect(short).toMatch(/Hosts that failed or could not be scanned \(5 of (\d+)\)/);
    expect(short).toMatch(/… and \d+ more hosts \(--verbose lists all\)/);
    const all = renderSummary(record, { ...base, verbose: true });
    expect(all).not.toContain('more hosts');
    const problems = record.hosts.filter((h) => h.status !== 'ok' || h.checks.some((c) => c.status === 'fail'));
    for (const h of problems) expect(all).toContain(`  ${h.name} `);
  });

  it('summarises what changed since the previous run, new failures first', () => {
    const record = syntheticRun({ hosts: 40, changes: true, unreachableRate: 0.2 });
    const text = renderSummary(record, { ...base, top: 3 });
    expect(text).toContain('What changed since run 20261124-080000-prev (2026-11-24T08:00:00.000Z)\n');
    const counts = text.split('What changed')[1]!.split('\n')[1]!;
    expect(counts).toMatch(/^ {2}new-failure \d+ · newly-unreachable \d+ · host-removed 1 · fixed 1$/);
    expect(text.split('What changed')[1]!.split('\n')[2]).toMatch(/^ {2}new-failure {2}\S+ {2}mars-\S+ {2}pass -> fail {2}/);
  });

  it('leaves out the changes section when there is no previous run', () => {
    expect(renderSummary(smallRun(), base)).not.toContain('What changed');
  });

  it('lists waivers that expired or matched nothing', () => {
    const text = renderSummary(syntheticRun({ hosts: 50 }), base);
    expect(text).toContain('Waivers that need attention\n');
    expect(text).toContain('  expired    srv-public-old01  mars-net-endpoints  expired 2026-10-01 (owner: net-team)');
    expect(text).toContain('  unmatched  retired-host  mars-net-ncsi  matched no host and check (owner: ops)');
  });

  it('lists the written reports and ends with the exit code and its meaning', () => {
    const text = renderSummary(smallRun(), { ...base, reportPaths: ['out/a.xlsx', 'out/a.json'], exitCode: 5 });
    expect(text).toContain('Reports\n  out/a.xlsx\n  out/a.json\n');
    expect(text.endsWith('Exit code 5: a check failed, and a host was unreachable, timed out or errored (or a check could not run)\n')).toBe(true);
  });

  it('explains every documented exit code', () => {
    for (const { code, meaning } of Object.values(EXIT_CODES)) {
      expect(renderSummary(smallRun(), { ...base, exitCode: code }).endsWith(`Exit code ${code}: ${meaning}\n`)).toBe(true);
    }
    expect(renderSummary(smallRun(), { ...base, exitCode: 130 })).toContain('Exit code 130: interrupted');
  });

  it('says in its header that an interrupted run is incomplete', () => {
    const record = smallRun();
    record.interrupted = true;
    expect(renderSummary(record, base).split('\n')[2]).toBe('The run was interrupted: results are incomplete.');
  });

  it('writes no ANSI escape codes when colour is off, and some when it is on', () => {
    const record = syntheticRun({ hosts: 60, changes: true });
    expect(renderSummary(record, base)).not.toMatch(ANSI_ESCAPE);
    expect(renderSummary(record, { ...base, color: true })).toMatch(ANSI_ESCAPE);
  });

  it('prints the same words with colour on as with colour off', () => {
    const record = syntheticRun({ hosts: 60, changes: true });
    const coloured = renderSummary(record, { ...base, color: true }).replace(/\u001b\[\d+m/g, '');
    expect(coloured).toBe(renderSummary(record, base));
  });
});

describe('shouldUseColor', () => {
  const tty = { isTTY: true };
  it('colours a terminal by default', () => {
    expect(shouldUseColor(tty, {})).toBe(true);
  });

  it('never colours output that is not a terminal', () => {
    expect(shouldUseColor({ isTTY: false }, {})).toBe(false);
    expect(shouldUseColor({}, {})).toBe(false);
  });

  it('respects NO_COLOR when it is set to anything but an empty string', () => {
    expect(shouldUseColor(tty, { NO_COLOR: '1' })).toBe(false);
    expect(shouldUseColor(tty, { NO_COLOR: '' })).toBe(true);
  });

  it('does not colour a dumb terminal', () => {
    expect(shouldUseColor(tty, { TERM: 'dumb' })).toBe(false);
  });

  it('lets FORCE_COLOR override everything, with 0 or false forcing colour off', () => {
    expect(shouldUseColor({ isTTY: false }, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
    expect(shouldUseColor({ isTTY: false }, { FORCE_COLOR: '' })).toBe(true);
    expect(shouldUseColor(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(shouldUseColor(tty, { FORCE_COLOR: 'false' })).toBe(false);
  });
});
