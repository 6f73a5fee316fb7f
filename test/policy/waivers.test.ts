import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyWaivers, loadWaivers, wildcardMatcher } from '../../src/policy/waivers.js';
import type { Waiver } from '../../src/record/waiver-file.js';
import { runRecordSchema } from '../../src/record/run-record.js';
import { host, outcome, runRecord } from '../history/helpers/records.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-waivers-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

const tlsWaiver: Waiver = { host: 'fs0?', check: 'mars-tls*', justification: 'TLS upgrade in Q1', owner: 'ops@example.com', expires: '2026-12-31' };

describe('loadWaivers', () => {
  test('reads a JSON array of waivers', () => {
    const file = write('waivers.json', JSON.stringify([tlsWaiver]));
    expect(loadWaivers(file)).toEqual({ ok: true, waivers: [tlsWaiver] });
  });

  test('reads CSV as Excel saves it: BOM, CRLF, header in any order and case, extra columns ignored, blank rows skipped', () => {
    const file = write(
      'waivers.csv',
      '\uFEFFOwner,Host,Check,Expires,Justification,Ticket\r\n'
        + 'ops@example.com,fs0?,mars-tls*,2026-12-31,TLS upgrade in Q1,CHG-1\r\n'
        + ',,,,,\r\n'
        + '"Doe, Jane",*,mars-proxy,2027-01-15,"Proxy by design, see ""network"" doc",\r\n',
    );
    expect(loadWaivers(file)).toEqual({
      ok: true,
      waivers: [
        tlsWaiver,
        { host: '*', check: 'mars-proxy', justification: 'Proxy by design, see "network" doc', owner: 'Doe, Jane', expires: '2027-01-15' },
      ],
    });
  });

  test('reads semicolon-separated CSV (Excel in comma-decimal locales)', () => {
    const file = write('semicolon.csv', 'host;check;justification;owner;expires\nfs01;mars-a;because;me;2026-12-31\n');
    expect(loadWaivers(file).waivers).toEqual([{ host: 'fs01', check: 'mars-a', justification: 'because', owner: 'me', expires: '2026-12-31' }]);
  });

  test('every bad CSV row gives one line naming file, row (header is row 1) and field; good rows still load', () => {
    const file = write(
      'waivers.csv',
      'host,check,justification,owner,expires\n'
        + 'fs01,mars-a,ok,me,2026-12-31\n'
        + 'fs02,mars-b,ok,me,2026-02-30\n'
        + 'fs03,mars-c,ok,me,31/12/2026\n'
        + 'fs04,mars-d,ok,,soon\n'
        + 'fs05\n',
    );
    expect(loadWaivers(file)).toEqual({
      ok: false,
      waivers: [{ host: 'fs01', check: 'mars-a', justification: 'ok', owner: 'me', expires: '2026-12-31' }],
      errors: [
        'waivers.csv: row 3 (expires): not a date: 2026-02-30',
        'waivers.csv: row 4 (expires): not a date: 31/12/2026',
        'waivers.csv: row 5 (owner): required; (expires): not a date: soon',
        'waivers.csv: row 6 (check): required; (justification): required; (owner): required; (expires): required',
      ],
    });
  });

  test('bad JSON entries are named by their position in the array', () => {
    const file = write('bad.json', JSON.stringify([tlsWaiver, { ...tlsWaiver, owner: ' ', expires: 20261231 }]));
    expect(loadWaivers(file)).toEqual({
      ok: false,
      waivers: [tlsWaiver],
      errors: ['bad.json: entry 2 (owner): required; (expires): not a date: 20261231'],
    });
  });

  test('a file that cannot be used at all gives one line', () => {
    expect(loadWaivers(write('noheader.csv', 'fs01,mars-a,ok,me,2026-12-31\n')).ok).toBe(false);
    expect(loadWaivers(write('noheader.csv', 'host,check,owner\nfs01,mars-a,me\n'))).toEqual({
      ok: false, waivers: [], errors: ['noheader.csv: row 1: missing columns justification, expires'],
    });
    expect(loadWaivers(write('object.json', '{"host": "fs01"}'))).toEqual({
      ok: false, waivers: [], errors: ['object.json: expected a JSON array of waivers'],
    });
    expect(loadWaivers(path.join(dir, 'missing.csv'))).toEqual({ ok: false, waivers: [], errors: [`${path.join(dir, 'missing.csv')}: cannot read: no such file`] });
  });
});

describe('wildcardMatcher', () => {
  test('* matches any run, ? exactly one character, case-insensitively, and regex characters are literal', () => {
    expect(wildcardMatcher('fs0?')('FS01')).toBe(true);
    expect(wildcardMatcher('fs0?')('fs010')).toBe(false);
    expect(wildcardMatcher('web*.corp')('web-eu-1.corp')).toBe(true);
    expect(wildcardMatcher('web*.corp')('web1xcorp')).toBe(false);
    expect(wildcardMatcher('*')('')).toBe(true);
  });
});

describe('applyWaivers', () => {
  const now = new Date(2026, 5, 15, 12, 0, 0); // 2026-06-15, local noon
  const record = runRecord({
    hosts: [
      host('fs01', [outcome('mars-tls12', 'fail', 'TLS 1.2 disabled'), outcome('mars-proxy', 'warn', 'proxy set'), outcome('mars-clock', 'pass')]),
      host('fs02', [outcome('mars-tls12', 'error', 'probe crashed'), outcome('mars-clock', 'fail', 'off by 400 s')]),
      host('web01', [outcome('mars-tls12', 'fail', 'TLS 1.2 disabled')]),
    ],
  });

  test('a live waiver turns matching fail/warn/error outcomes into waived, keeping the original status', () => {
    const waived = applyWaivers(record, [tlsWaiver], now);
    const statuses = waived.hosts.map((h) => h.checks.map((c) => `${h.name}/${c.id}=${c.status}${c.waivedStatus ? `(${c.waivedStatus})` : ''}`));
    expect(statuses.flat()).toEqual([
      'fs01/mars-tls12=waived(fail)', 'fs01/mars-proxy=warn', 'fs01/mars-clock=pass',
      'fs02/mars-tls12=waived(error)', 'fs02/mars-clock=fail',
      'web01/mars-tls12=fail',
    ]);
    expect(waived.hosts[0]?.checks[0]?.waiver).toEqual({ justification: 'TLS upgrade in Q1', owner: 'ops@example.com', expires: '2026-12-31' });
    expect(waived.waivers).toEqual([{ ...tlsWaiver, state: 'applied', matched: 2 }]);
    expect(runRecordSchema.safeParse(waived).success).toBe(true);
    // The input record is not modified.
    expect(record.hosts[0]?.checks[0]?.status).toBe('fail');
  });

  test('an expired waiver waives nothing and is reported expired; one that expires today still applies', () => {
    const expired = { ...tlsWaiver, host: '*', expires: '2026-06-14' };
    const lastDay = { ...tlsWaiver, host: 'fs02', check: 'mars-clock', expires: '2026-06-15' };
    const waived = applyWaivers(record, [expired, lastDay], now);
    expect(waived.hosts.flatMap((h) => h.checks.filter((c) => c.status === 'waived').map((c) => `${h.name}/${c.id}`))).toEqual(['fs02/mars-clock']);
    expect(waived.waivers.map((w) => [w.state, w.matched])).toEqual([['expired', 3], ['applied', 1]]);
  });

  test('a waiver that matches no finding is reported unmatched, even if it matches a passing check', () => {
    const stale = { ...tlsWaiver, host: 'fs01', check: 'mars-clock' };
    const nothing = { ...tlsWaiver, host: 'db*', check: '*' };
    const waived = applyWaivers(record, [stale, nothing], now);
    expect(waived.waivers.map((w) => [w.host, w.state, w.matched])).toEqual([['fs01', 'unmatched', 0], ['db*', 'unmatched', 0]]);
    expect(waived.hosts).toEqual(record.hosts);
  });

  test('when two waivers cover one finding the first is recorded on it and both count it', () => {
    const first = { ...tlsWaiver, host: 'web01', owner: 'first' };
    const second = { ...tlsWaiver, host: 'web*', owner: 'second' };
    const waived = applyWaivers(record, [first, second], now);
    expect(waived.hosts[2]?.checks[0]?.waiver?.owner).toBe('first');
    expect(waived.waivers.map((w) => [w.owner, w.state, w.matched])).toEqual([['first', 'applied', 1], ['second', 'applied', 1]]);
  });
});
