import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { diffRuns } from '../../src/history/diff.js';
import { EXIT_CODES, exitCodeFor, exitCodesLine, exitMeaning } from '../../src/policy/exit-code.js';
import type { CheckOutcome } from '../../src/record/check-result.js';
import type { HostResult, RunRecord } from '../../src/record/run-record.js';
import { host, outcome, runRecord } from '../history/helpers/records.js';

const waived: CheckOutcome = { ...outcome('mars-b', 'waived', 'accepted'), waivedStatus: 'fail' };
const down = (name: string): HostResult => host(name, [outcome('mars-a', 'not-run')], { status: 'unreachable', reason: 'ssh: Connection refused' });
const failing = (name: string): HostResult => host(name, [outcome('mars-a', 'fail', 'bad')]);
const clean = (name: string): HostResult => host(name, [outcome('mars-a', 'pass'), outcome('mars-c', 'warn'), outcome('mars-d', 'skipped')]);

function run(hosts: HostResult[], extra: Partial<RunRecord> = {}): RunRecord {
  return runRecord({ startedAt: '2026-11-25T02:00:00.000Z', hosts, ...extra });
}

/** The current run with `changes` filled in against the previous one, as the scan pipeline does. */
function since(previousHosts: HostResult[], currentHosts: HostResult[]): RunRecord {
  const previous = runRecord({ startedAt: '2026-11-24T02:00:00.000Z', hosts: previousHosts });
  const current = run(currentHosts);
  return { ...current, changes: diffRuns(previous, current) };
}

describe('exitCodeFor with failOn any', () => {
  test('pass, warn, skipped and waived only is 0', () => {
    expect(exitCodeFor(run([clean('fs01'), host('fs02', [waived])]), { failOn: 'any' })).toBe(0);
  });

  test('a failed check is 1', () => {
    expect(exitCodeFor(run([clean('fs01'), failing('fs02')]), { failOn: 'any' })).toBe(1);
  });

  test('an unreachable, timed-out or errored host is 4', () => {
    for (const status of ['unreachable', 'timeout', 'error'] as const) {
      expect(exitCodeFor(run([clean('fs01'), host('fs02', [], { status })]), { failOn: 'any' })).toBe(4);
    }
  });

  test('a check that broke (error) on a reachable host is 4: the scan could not tell', () => {
    expect(exitCodeFor(run([host('fs01', [outcome('mars-a', 'error', 'probe crashed')])]), { failOn: 'any' })).toBe(4);
  });

  test('a failed check and an unreachable host together are 5', () => {
    expect(exitCodeFor(run([failing('fs01'), down('fs02')]), { failOn: 'any' })).toBe(5);
  });

  test('an interrupted run is 130 whatever else happened', () => {
    expect(exitCodeFor(run([failing('fs01'), down('fs02')], { interrupted: true }), { failOn: 'any' })).toBe(130);
    expect(exitCodeFor(run([clean('fs01')], { interrupted: true }), { failOn: 'new' })).toBe(130);
  });

  test('any ignores changes: an old failure still counts', () => {
    expect(exitCodeFor(since([failing('fs01')], [failing('fs01')]), { failOn: 'any' })).toBe(1);
  });
});

describe('exitCodeFor with failOn new', () => {
  test('with no previous run every failure and every unreachable host counts as new', () => {
    expect(exitCodeFor(run([failing('fs01'), down('fs02')]), { failOn: 'new' })).toBe(5);
  });

  test('failures and unreachable hosts already there last time are 0', () => {
    expect(exitCodeFor(since([failing('fs01'), down('fs02')], [failing('fs01'), down('fs02')]), { failOn: 'new' })).toBe(0);
  });

  test('a new failure is 1', () => {
    expect(exitCodeFor(since([clean('fs01'), failing('fs02')], [failing('fs01'), failing('fs02')]), { failOn: 'new' })).toBe(1);
  });

  test('a newly unreachable host is 4', () => {
    expect(exitCodeFor(since([clean('fs01'), down('fs02')], [down('fs01'), down('fs02')]), { failOn: 'new' })).toBe(4);
  });

  test('an added host that is unreachable is 4, an added host that is clean is 0', () => {
    expect(exitCodeFor(since([clean('fs01')], [clean('fs01'), down('fs02')]), { failOn: 'new' })).toBe(4);
    expect(exitCodeFor(since([clean('fs01')], [clean('fs01'), clean('fs02')]), { failOn: 'new' })).toBe(0);
  });

  test('an added host that fails a check is 1', () => {
    expect(exitCodeFor(since([clean('fs01')], [clean('fs01'), failing('fs02')]), { failOn: 'new' })).toBe(1);
  });

  test('a new failure and a newly unreachable host together are 5', () => {
    expect(exitCodeFor(since([clean('fs01'), clean('fs02')], [failing('fs01'), down('fs02')]), { failOn: 'new' })).toBe(5);
  });

  test('a check that newly broke (error) is 4', () => {
    expect(exitCodeFor(since([clean('fs01')], [host('fs01', [outcome('mars-a', 'error', 'probe crashed')])]), { failOn: 'new' })).toBe(4);
  });

  test('a new failure that a waiver covers does not count', () => {
    const record = since([clean('fs01')], [failing('fs01')]);
    const covered: RunRecord = {
      ...record,
      hosts: [host('fs01', [{ ...outcome('mars-a', 'waived', 'bad'), waivedStatus: 'fail' }])],
    };
    expect(exitCodeFor(covered, { failOn: 'new' })).toBe(0);
  });

  test('fixed checks and hosts reachable again are 0', () => {
    expect(exitCodeFor(since([failing('fs01'), down('fs02')], [clean('fs01'), clean('fs02')]), { failOn: 'new' })).toBe(0);
  });
});

describe('exitCodeFor a merged run', () => {
  const merged = (state: 'merged' | 'missing' | 'interrupted', unsited = 0): Partial<RunRecord> => ({
    merged: { shards: [{ index: 1, count: 2, state: 'merged', hosts: 1 }, { index: 2, count: 2, state, hosts: 1 }], unsited },
  });

  test('a whole merged run is judged like any run', () => {
    expect(exitCodeFor(run([clean('fs01')], merged('merged')), { failOn: 'any' })).toBe(0);
  });

  test('a shard missing or interrupted, or hosts no shard covers, set bit 4 whatever the fail-on', () => {
    for (const failOn of ['any', 'new'] as const) {
      expect(exitCodeFor(run([clean('fs01')], merged('missing')), { failOn })).toBe(4);
      expect(exitCodeFor(run([clean('fs01')], merged('interrupted')), { failOn })).toBe(4);
      expect(exitCodeFor(run([failing('fs01')], merged('merged', 2)), { failOn })).toBe(5);
    }
  });
});

describe('the exit-code table', () => {
  const REPO = path.resolve(import.meta.dirname, '../..');
  /** The codes of the first Markdown table whose header starts with `| exit` or `| code`, in order. */
  const documented = (file: string): number[] => {
    const lines = readFileSync(path.join(REPO, file), 'utf8').split('\n');
    const start = lines.findIndex((l) => /^\| (exit|code) \|/.test(l));
    const rows = lines.slice(start + 2);
    return rows.slice(0, rows.findIndex((l) => !l.startsWith('|'))).map((l) => Number(l.split('|')[1]));
  };

  test('holds one entry per code, with bits 1 and 4 adding up to 5', () => {
    const codes = Object.values(EXIT_CODES).map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(EXIT_CODES.both.code).toBe(EXIT_CODES.checkFailed.code | EXIT_CODES.hostUnseen.code);
  });

  test.each(['README.md', 'docs/ARCHITECTURE.md', 'docs/scheduling.md'])('%s lists exactly the codes of the table, in its order', (file) => {
    expect(documented(file)).toEqual(Object.values(EXIT_CODES).map((e) => e.code));
  });

  test('gives each code its meaning, and an unknown code says so', () => {
    expect(exitMeaning(2)).toBe(EXIT_CODES.usage.meaning);
    expect(exitMeaning(7)).toBe('unknown exit code');
  });

  test('reads as one sentence for --help, every code in the table order', () => {
    expect(exitCodesLine()).toMatch(/^0 clean, 1 a check failed, 4 .+, 5 both, 2 bad usage or input, 3 internal error, 130 interrupted$/);
  });
});
