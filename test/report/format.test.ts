import { describe, expect, it } from 'vitest';
import { formatDuration, plural } from '../../src/report/format.js';

describe('formatDuration', () => {
  it('writes milliseconds, seconds, minutes and hours the way an admin reads them', () => {
    expect([850, 42_000, 252_000, 3_723_000].map(formatDuration)).toEqual(['850 ms', '42s', '4m 12s', '1h 02m 03s']);
  });
});

describe('plural', () => {
  it('uses the singular for exactly one', () => {
    expect([plural(1, 'host'), plural(0, 'host'), plural(3, 'host')]).toEqual(['1 host', '0 hosts', '3 hosts']);
  });
});
