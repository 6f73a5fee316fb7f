import { describe, expect, it } from 'vitest';
import type { CheckOutcome } from '../../src/record/check-result.js';
import { OutcomePool } from '../../src/runner/outcome-pool.js';

const healthy = (ms: number): CheckOutcome => ({
  id: 'mars-tls12', status: 'pass', summary: 'TLS 1.2 is enabled for .NET', evidence: ['SchUseStrongCrypto: 1', 'SystemDefaultTlsVersions: 1'], ms,
});

describe('OutcomePool', () => {
  it('gives two hosts with the same outcome one frozen object', () => {
    const pool = new OutcomePool();
    const first = pool.share(healthy(3));
    const second = pool.share(healthy(3));
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.evidence)).toBe(true);
    expect(second).toEqual(healthy(3));
    expect(pool.size).toBe(1);
  });

  it('keeps each host its own timing, sharing only the evidence, when only ms differs', () => {
    const pool = new OutcomePool();
    const first = pool.share(healthy(3));
    const slower = pool.share(healthy(41));
    expect(slower).not.toBe(first);
    expect(slower.ms).toBe(41);
    expect(slower.evidence).toBe(first.evidence);
    expect(slower).toEqual(healthy(41));
  });

  it('never shares across any other difference: status, summary, reason, one evidence line', () => {
    const pool = new OutcomePool();
    const base = pool.share(healthy(3));
    const variants: CheckOutcome[] = [
      { ...healthy(3), status: 'fail' },
      { ...healthy(3), summary: 'TLS 1.2 is disabled for .NET' },
      { ...healthy(3), reason: 'probe failed' },
      { ...healthy(3), evidence: ['SchUseStrongCrypto: 1', 'SystemDefaultTlsVersions: 0'] },
      { ...healthy(3), evidence: ['SchUseStrongCrypto: 1'] },
      { ...healthy(3), evidence: ['SchUseStrongCrypto: 1\u0000SystemDefaultTlsVersions: 1'] },
    ];
    for (const variant of variants) {
      const shared = pool.share(variant);
      expect(shared).toBe(variant);
      expect(shared.evidence).not.toBe(base.evidence);
    }
    expect(pool.size).toBe(1 + variants.length);
  });

  it('stops taking new outcomes at its limit, still gives back what it holds', () => {
    const pool = new OutcomePool(1);
    const first = pool.share(healthy(3));
    const other = { ...healthy(3), status: 'warn' as const };
    expect(pool.share(other)).toBe(other);
    expect(Object.isFrozen(other)).toBe(false);
    expect(pool.share(healthy(3))).toBe(first);
    expect(pool.size).toBe(1);
  });

  it('makes a stage that changes a shared outcome in place throw instead of rewriting other hosts', () => {
    const pool = new OutcomePool();
    const shared = pool.share(healthy(3));
    expect(() => { (shared as { status: string }).status = 'waived'; }).toThrow(TypeError);
    expect(() => { (shared.evidence as string[]).push('x'); }).toThrow(TypeError);
  });
});
