import { describe, expect, it } from 'vitest';
import { StringPool } from '../../src/runner/string-pool.js';

const hostResult = (name: string) => ({
  name,
  status: 'ok',
  facts: { computerName: name.toUpperCase(), nested: { deeper: [['agent 2.0.9', { path: 'C:\\Program Files' }]] } },
  checks: [
    { id: 'mars-os-supported', status: 'pass', summary: 'Windows Server 2019 is supported', evidence: ['caption: Windows Server 2019', 'build: 17763'], ms: 12 },
    { id: 'mars-clock-skew', status: 'pass', summary: 'clock within 5 min', evidence: [`host ${name} clock 2026-12-01T10:00:00Z`], ms: 3 },
  ],
});

describe('StringPool', () => {
  it('gives back the same result, every value in place, numbers and nesting untouched', () => {
    const pool = new StringPool();
    const result = hostResult('fs01');
    const shared = pool.share(result);
    expect(shared).toBe(result);
    expect(shared).toEqual(hostResult('fs01'));
  });

  it('holds a string the hosts share once, and each host\'s own strings once each', () => {
    const pool = new StringPool();
    for (const name of ['fs01', 'fs02', 'fs03']) pool.share(hostResult(name));
    const one = new StringPool();
    one.share(hostResult('fs01'));
    // Three hosts: the first host's strings, plus 3 that differ per host (name, computer name, clock line) for each other host.
    expect(pool.size).toBe(one.size + 2 * 3);
  });

  it('stops taking new strings at its limit but still gives back every value', () => {
    const pool = new StringPool(5);
    const result = pool.share(hostResult('fs09'));
    expect(pool.size).toBe(5);
    expect(result).toEqual(hostResult('fs09'));
  });

  it('walks deep facts without recursion', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const pool = new StringPool();
    expect(() => pool.share({ facts: deep })).not.toThrow();
    expect(pool.size).toBe(1);
  });
});
