import { describe, expect, it } from 'vitest';
import { checkDuration, parseDuration } from '../../src/inventory/duration.js';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000], ['500ms', 500], ['2m', 120_000], ['1h', 3_600_000], ['1.5s', 1500], ['90', 90_000], [' 15s ', 15_000],
    [15, 15_000], [0.25, 250],
  ] as const)('%j is %i ms', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });

  it.each([
    ['15 s', '"15 s"'], ['abc', '"abc"'], ['-5s', '"-5s"'], ['0s', '"0s"'], ['', '""'], ['5d', '"5d"'], ['1e3s', '"1e3s"'],
    [0, '0'], [-1, '-1'], [Number.NaN, 'NaN'], [0.0001, '0.0001'],
  ] as const)('%j is refused with a one-line reason', (input, shown) => {
    expect(() => parseDuration(input)).toThrow(new Error(`must be a duration like 500ms, 15s or 2m, or a number of seconds, got ${shown}`));
  });

  it('checkDuration returns the reason instead of throwing', () => {
    expect(checkDuration('2m')).toEqual({ ok: true, ms: 120_000 });
    expect(checkDuration(true)).toEqual({ ok: false, error: 'must be a duration like 500ms, 15s or 2m, or a number of seconds, got true' });
  });
});
