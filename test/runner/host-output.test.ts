import { describe, expect, it } from 'vitest';
import { parseHostOutput } from '../../src/runner/host-output.js';

const MARKER = '\u001eFS-00112233aabbccdd';
const expectOf = { marker: MARKER, host: 'fs01', checkIds: new Set(['mars-a', 'mars-b']) };

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64');
const check = (id: string, status = 'pass') => ({ id, status, summary: `${id} ${status}`, evidence: ['e'], ms: 3 });
const report = (host: string, results: unknown[]) => ({
  schema: 'fleet-scan/host-report@1', host, computerName: 'FS01', psVersion: '5.1.20348.2582', pack: 'mars',
  packVersion: '1.0.0', startedUtc: '2026-11-25T08:00:00.000Z', finishedUtc: '2026-11-25T08:00:05.000Z', facts: {}, results,
});
const frame = (kind: string, value: unknown, marker = MARKER) => `${marker} ${kind} ${b64(value)}`;

describe('parseHostOutput', () => {
  it('reads streamed checks and the final report of the host that was asked', () => {
    const parsed = parseHostOutput(
      [frame('check', check('mars-a')), 'WARNING: noise from a profile', frame('check', check('mars-b', 'fail')), frame('report', report('fs01', [check('mars-a'), check('mars-b', 'fail')]))],
      expectOf,
    );
    expect(parsed.problem).toBeUndefined();
    expect(parsed.checks.map((c) => c.id)).toEqual(['mars-a', 'mars-b']);
    expect(parsed.report?.results.map((r) => r.status)).toEqual(['pass', 'fail']);
    expect(parsed.noise).toEqual(['WARNING: noise from a profile']);
  });

  it('treats a frame under another marker as noise, so a target cannot forge frames from text it echoes', () => {
    const parsed = parseHostOutput([frame('report', report('fs01', [check('mars-a')]), '\u001eFS-ffffffffffffffff')], expectOf);
    expect(parsed.report).toBeUndefined();
    expect(parsed.problem).toBeUndefined();
    expect(parsed.noise).toHaveLength(1);
  });

  it('splits items that hold several lines', () => {
    const parsed = parseHostOutput([`noise\r\n${frame('check', check('mars-a'))}\r\n`], expectOf);
    expect(parsed.noise).toEqual(['noise']);
    expect(parsed.checks).toHaveLength(1);
  });

  it('a forged stage line changes nothing: it is noise, whatever it says', () => {
    const parsed = parseHostOutput(['FSSTAGE connect-failed forged', frame('report', report('fs01', [check('mars-a')]))], expectOf);
    expect(parsed.problem).toBeUndefined();
    expect(parsed.report?.results).toHaveLength(1);
    expect(parsed.noise).toEqual(['FSSTAGE connect-failed forged']);
  });

  it('a check streamed twice makes the host untrusted', () => {
    expect(parseHostOutput([frame('check', check('mars-a')), frame('check', check('mars-a'))], expectOf).problem).toBe('returned the same check twice: mars-a');
  });

  it('rejects a report for another host (a lying or misrouted host)', () => {
    const parsed = parseHostOutput([frame('report', report('fs02', [check('mars-a')]))], expectOf);
    expect(parsed.problem).toBe('report is for host "fs02", not fs01');
  });

  it('rejects a check nobody asked for, streamed or in the report', () => {
    expect(parseHostOutput([frame('check', check('mars-zzz'))], expectOf).problem).toBe('returned a check nobody asked for: mars-zzz');
    expect(parseHostOutput([frame('report', report('fs01', [check('mars-zzz')]))], expectOf).problem).toBe('returned a check nobody asked for: mars-zzz');
  });

  it('rejects a report that answers the same check twice', () => {
    const parsed = parseHostOutput([frame('report', report('fs01', [check('mars-a'), check('mars-a', 'fail')]))], expectOf);
    expect(parsed.problem).toBe('returned the same check twice');
  });

  it('rejects a frame that is not base64 JSON', () => {
    expect(parseHostOutput([`${MARKER} report %%%not-base64%%%`], expectOf).problem).toBe('malformed report frame: not base64 JSON');
    expect(parseHostOutput([`${MARKER} check`], expectOf).problem).toBe('malformed check frame: not base64 JSON');
  });

  it('rejects results that break the schema, naming the field', () => {
    const bad = { ...check('mars-a'), status: 'great' };
    expect(parseHostOutput([frame('check', bad)], expectOf).problem).toMatch(/^invalid check result: status: /);
    const noHost = { ...report('fs01', []), host: undefined };
    expect(parseHostOutput([frame('report', noHost)], expectOf).problem).toMatch(/^invalid report: host: /);
    expect(parseHostOutput([frame('report', { ...report('fs01', []), extra: 1 })], expectOf).problem).toMatch(/^invalid report: /);
  });

  it('rejects an unknown frame kind', () => {
    expect(parseHostOutput([frame('patch', {})], expectOf).problem).toBe('unknown frame kind: patch');
  });

  it('keeps the first problem only, on one line', () => {
    const parsed = parseHostOutput([frame('check', check('mars-zzz')), frame('report', report('fs02\nforged', []))], expectOf);
    expect(parsed.problem).toBe('returned a check nobody asked for: mars-zzz');
    const forged = parseHostOutput([frame('report', report('fs02\nforged line', []))], expectOf);
    expect(forged.problem).toBe('report is for host "fs02 forged line", not fs01');
  });

  it('caps each noise line so a flood of text cannot fill the record', () => {
    const parsed = parseHostOutput(['x'.repeat(10_000)], expectOf);
    expect(parsed.noise[0]).toHaveLength(500);
  });
});
