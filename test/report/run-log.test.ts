import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openRunLog } from '../../src/report/run-log.js';
import { host, outcome, runRecord } from '../history/helpers/records.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-log-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const clock = () => new Date('2026-11-25T02:00:05.000Z');
const lines = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('openRunLog', () => {
  test('writes run start, one line per finished host and run end, each on disk as soon as it is written', () => {
    const file = path.join(dir, 'nested', 'scan.jsonl');
    const opened = openRunLog(file, clock);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const { log } = opened;

    log.start({ runId: 'r1', pack: 'mars', inventoryKey: 'inv-a', hostCount: 2 });
    const fs01 = host('fs01', [outcome('mars-a', 'fail'), outcome('mars-b', 'warn'), outcome('mars-c', 'pass'), { ...outcome('mars-d', 'waived'), waivedStatus: 'fail' }], { durationMs: 4200 });
    log.host(fs01);
    // Already readable before the run ends: a killed scan keeps what it finished.
    expect(lines(file)).toHaveLength(2);
    const fs02 = host('fs02', [outcome('mars-a', 'not-run')], { status: 'unreachable', reason: 'ssh: connect to host fs02\nport 22: Connection refused', durationMs: undefined });
    log.host(fs02);
    log.end(runRecord({ runId: 'r1', hosts: [fs01, fs02] }), 5);

    expect(lines(file)).toEqual([
      { ts: '2026-11-25T02:00:05.000Z', event: 'run-start', runId: 'r1', pack: 'mars', inventoryKey: 'inv-a', hostCount: 2 },
      { ts: '2026-11-25T02:00:05.000Z', event: 'host', host: 'fs01', status: 'ok', failed: ['mars-a'], warned: ['mars-b'], ms: 4200 },
      {
        ts: '2026-11-25T02:00:05.000Z', event: 'host', host: 'fs02', status: 'unreachable',
        reason: 'ssh: connect to host fs02 port 22: Connection refused', failed: [], warned: [], ms: null,
      },
      {
        ts: '2026-11-25T02:00:05.000Z', event: 'run-end', runId: 'r1', interrupted: false, durationMs: 60_000,
        hosts: 2, failHosts: 1, unreachableHosts: 1, exitCode: 5,
      },
    ]);
  });

  test('appends to an existing log instead of replacing it', () => {
    const file = path.join(dir, 'append.jsonl');
    writeFileSync(file, '{"event":"earlier"}\n');
    const opened = openRunLog(file, clock);
    if (opened.ok) opened.log.start({ runId: 'r2', pack: 'mars', inventoryKey: 'inv-a', hostCount: 0 });
    expect(lines(file).map((l) => l.event)).toEqual(['earlier', 'run-start']);
  });

  test('a log that cannot be created is a one-line result, not a throw', () => {
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, 'a file where a folder should be');
    expect(openRunLog(path.join(blocker, 'scan.jsonl'))).toEqual({ ok: false, message: `log ${path.join(blocker, 'scan.jsonl')}: cannot create its folder: a file is in the way` });
  });

  test('a write that fails later is remembered and the scan is not interrupted', () => {
    const folder = path.join(dir, 'vanishing');
    mkdirSync(folder);
    const file = path.join(folder, 'scan.jsonl');
    const opened = openRunLog(file, clock);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    rmSync(folder, { recursive: true });
    writeFileSync(folder, 'now a file');
    expect(() => opened.log.host(host('fs01', []))).not.toThrow();
    expect(opened.log.error).toBe(`log ${file}: cannot write: a file is in the way`);
  });
});
