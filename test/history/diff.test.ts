import { describe, expect, test } from 'vitest';
import { diffRuns } from '../../src/history/diff.js';
import { checkMeta, host, outcome, runRecord } from './helpers/records.js';

const yesterday = '2026-11-24T02:00:00.000Z';
const today = '2026-11-25T02:00:00.000Z';

describe('diffRuns', () => {
  test('one fix and one new failure give exactly those two changes, the new failure first', () => {
    const previous = runRecord({
      startedAt: yesterday,
      hosts: [
        host('fs01', [outcome('mars-clock-skew', 'pass', 'clock within 2 s'), outcome('mars-dotnet-version', 'fail', '.NET 4.5 found')]),
        host('fs02', [outcome('mars-clock-skew', 'pass', 'clock within 1 s'), outcome('mars-dotnet-version', 'pass', '.NET 4.8')]),
      ],
    });
    const current = runRecord({
      startedAt: today,
      hosts: [
        host('fs01', [outcome('mars-clock-skew', 'pass', 'clock within 2 s'), outcome('mars-dotnet-version', 'pass', '.NET 4.8')]),
        host('fs02', [outcome('mars-clock-skew', 'fail', 'clock off by 312 s'), outcome('mars-dotnet-version', 'pass', '.NET 4.8')]),
      ],
    });

    expect(diffRuns(previous, current)).toEqual({
      previousRunId: previous.runId,
      previousStartedAt: yesterday,
      changes: [
        { kind: 'new-failure', host: 'fs02', check: 'mars-clock-skew', before: 'pass', after: 'fail', detail: 'fs02: mars-clock-skew pass -> fail (clock off by 312 s)' },
        { kind: 'fixed', host: 'fs01', check: 'mars-dotnet-version', before: 'fail', after: 'pass', detail: 'fs01: mars-dotnet-version fail -> pass (.NET 4.8)' },
      ],
    });
  });

  test('identical runs have no changes', () => {
    const hosts = [host('fs01', [outcome('mars-a', 'fail', 'bad', ['x=1'])])];
    expect(diffRuns(runRecord({ startedAt: yesterday, hosts }), runRecord({ startedAt: today, hosts })).changes).toEqual([]);
  });

  test('host reachability changes are newly-unreachable and reachable-again, and their checks going not-run are not fixes', () => {
    const previous = runRecord({
      startedAt: yesterday,
      hosts: [
        host('fs01', [outcome('mars-a', 'fail', 'bad')]),
        host('fs02', [outcome('mars-a', 'not-run')], { status: 'unreachable', reason: 'ssh: connect to host fs02 port 22: No route to host' }),
      ],
    });
    const current = runRecord({
      startedAt: today,
      hosts: [
        host('fs01', [outcome('mars-a', 'not-run')], { status: 'timeout', reason: 'deadline of 120 s passed' }),
        host('fs02', [outcome('mars-a', 'pass', 'fine')]),
      ],
    });
    expect(diffRuns(previous, current).changes).toEqual([
      { kind: 'newly-unreachable', host: 'fs01', before: 'ok', after: 'timeout', detail: 'fs01: ok -> timeout (deadline of 120 s passed)' },
      { kind: 'reachable-again', host: 'fs02', before: 'unreachable', after: 'ok', detail: 'fs02: unreachable -> ok' },
    ]);
  });

  test('a failure on a check that did not run last time is a new failure', () => {
    const previous = runRecord({ startedAt: yesterday, hosts: [host('fs01', [outcome('mars-a', 'not-run')], { status: 'unreachable' })] });
    const current = runRecord({ startedAt: today, hosts: [host('fs01', [outcome('mars-a', 'fail', 'bad')])] });
    expect(diffRuns(previous, current).changes.map((c) => [c.kind, c.detail])).toEqual([
      ['new-failure', 'fs01: mars-a not-run -> fail (bad)'],
      ['reachable-again', 'fs01: unreachable -> ok'],
    ]);
  });

  test('added and removed hosts are reported, and an added host\'s failures are new failures', () => {
    const previous = runRecord({ startedAt: yesterday, hosts: [host('fs01', [outcome('mars-a', 'pass')]), host('fs09', [outcome('mars-a', 'pass')])] });
    const current = runRecord({
      startedAt: today,
      hosts: [
        host('fs01', [outcome('mars-a', 'pass')]),
        host('fs10', [outcome('mars-a', 'fail', 'agent too old')]),
        host('fs11', [], { status: 'unreachable', reason: 'ssh: Connection refused' }),
      ],
    });
    expect(diffRuns(previous, current).changes).toEqual([
      { kind: 'new-failure', host: 'fs10', check: 'mars-a', after: 'fail', detail: 'fs10: mars-a fail on a new host (agent too old)' },
      { kind: 'host-added', host: 'fs10', after: 'ok', detail: 'fs10: added (ok)' },
      { kind: 'host-added', host: 'fs11', after: 'unreachable', detail: 'fs11: added (unreachable: ssh: Connection refused)' },
      { kind: 'host-removed', host: 'fs09', before: 'ok', detail: 'fs09: removed (was ok)' },
    ]);
  });

  test('same non-pass status with different evidence is evidence-changed; a pass with new evidence is not a change', () => {
    const previous = runRecord({
      startedAt: yesterday,
      hosts: [host('fs01', [outcome('mars-a', 'warn', 'proxy set', ['proxy=a:8080']), outcome('mars-b', 'pass', 'ok', ['v=1'])])],
    });
    const current = runRecord({
      startedAt: today,
      hosts: [host('fs01', [outcome('mars-a', 'warn', 'proxy set', ['proxy=b:3128']), outcome('mars-b', 'pass', 'ok', ['v=2'])])],
    });
    expect(diffRuns(previous, current).changes).toEqual([
      { kind: 'evidence-changed', host: 'fs01', check: 'mars-a', before: 'warn', after: 'warn', detail: 'fs01: mars-a warn, evidence changed (proxy set)' },
    ]);
  });

  test('other transitions are status-changed, including fail to error and a newly waived failure', () => {
    const previous = runRecord({
      startedAt: yesterday,
      hosts: [host('fs01', [outcome('mars-a', 'pass'), outcome('mars-b', 'fail'), outcome('mars-c', 'fail', 'tls 1.0')])],
    });
    const current = runRecord({
      startedAt: today,
      hosts: [host('fs01', [
        outcome('mars-a', 'warn', 'almost'),
        outcome('mars-b', 'error', 'probe crashed'),
        { ...outcome('mars-c', 'waived', 'tls 1.0'), waivedStatus: 'fail' },
      ])],
    });
    expect(diffRuns(previous, current).changes.map((c) => [c.kind, c.detail])).toEqual([
      ['status-changed', 'fs01: mars-a pass -> warn (almost)'],
      ['status-changed', 'fs01: mars-b fail -> error (probe crashed)'],
      ['status-changed', 'fs01: mars-c fail -> waived fail (tls 1.0)'],
    ]);
  });

  test('a waiver that expired turns the finding back into a new failure', () => {
    const previous = runRecord({ startedAt: yesterday, hosts: [host('fs01', [{ ...outcome('mars-a', 'waived', 'tls 1.0'), waivedStatus: 'fail' }])] });
    const current = runRecord({ startedAt: today, hosts: [host('fs01', [outcome('mars-a', 'fail', 'tls 1.0')])] });
    expect(diffRuns(previous, current).changes.map((c) => c.kind)).toEqual(['new-failure']);
  });

  test('checks not selected in both runs are not compared', () => {
    const previous = runRecord({
      startedAt: yesterday,
      checks: [checkMeta('mars-a')],
      hosts: [host('fs01', [outcome('mars-a', 'pass')])],
    });
    const current = runRecord({
      startedAt: today,
      checks: [checkMeta('mars-a'), checkMeta('mars-b')],
      hosts: [host('fs01', [outcome('mars-a', 'pass'), outcome('mars-b', 'fail', 'bad')])],
    });
    expect(diffRuns(previous, current).changes).toEqual([]);
  });

  test('hosts match by name regardless of case', () => {
    const previous = runRecord({ startedAt: yesterday, hosts: [host('FS01', [outcome('mars-a', 'fail')])] });
    const current = runRecord({ startedAt: today, hosts: [host('fs01', [outcome('mars-a', 'pass')])] });
    expect(diffRuns(previous, current).changes.map((c) => [c.kind, c.host])).toEqual([['fixed', 'fs01']]);
  });

  test('changes are ordered new failures, newly unreachable, fixed, then the rest', () => {
    const previous = runRecord({
      startedAt: yesterday,
      hosts: [
        host('a1', [outcome('mars-a', 'fail')]),
        host('b1', [outcome('mars-a', 'pass')]),
        host('c1', [outcome('mars-a', 'pass')]),
        host('d1', [outcome('mars-a', 'pass')]),
      ],
    });
    const current = runRecord({
      startedAt: today,
      hosts: [
        host('a1', [outcome('mars-a', 'pass')]),
        host('b1', [outcome('mars-a', 'warn')]),
        host('c1', [outcome('mars-a', 'not-run')], { status: 'unreachable' }),
        host('d1', [outcome('mars-a', 'fail')]),
      ],
    });
    expect(diffRuns(previous, current).changes.map((c) => `${c.kind} ${c.host}`)).toEqual([
      'new-failure d1', 'newly-unreachable c1', 'fixed a1', 'status-changed b1',
    ]);
  });
});
