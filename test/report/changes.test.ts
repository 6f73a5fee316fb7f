import { describe, expect, it } from 'vitest';
import { sortChanges } from '../../src/report/changes.js';

describe('sortChanges', () => {
  it('puts new failures first, fixes last, and orders by host then check within a kind', () => {
    const sorted = sortChanges([
      { kind: 'fixed', host: 'a', check: 'c1', detail: '' },
      { kind: 'new-failure', host: 'b', check: 'c2', detail: '' },
      { kind: 'host-added', host: 'z', detail: '' },
      { kind: 'new-failure', host: 'b', check: 'c1', detail: '' },
      { kind: 'new-failure', host: 'a', check: 'c9', detail: '' },
      { kind: 'newly-unreachable', host: 'q', detail: '' },
    ]);
    expect(sorted.map((c) => `${c.kind}:${c.host}:${c.check ?? ''}`)).toEqual([
      'new-failure:a:c9', 'new-failure:b:c1', 'new-failure:b:c2', 'newly-unreachable:q:', 'host-added:z:', 'fixed:a:c1',
    ]);
  });
});
