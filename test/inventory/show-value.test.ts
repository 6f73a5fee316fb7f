import { describe, expect, it } from 'vitest';
import { showValue } from '../../src/inventory/show-value.js';

describe('showValue', () => {
  it('quotes strings so control characters stay on one line', () => {
    expect(showValue('a\nb')).toBe('"a\\nb"');
  });

  it('cuts long strings', () => {
    expect(showValue('x'.repeat(100), 20)).toBe(`"${'x'.repeat(15)}..."`);
  });

  it('names other kinds of values', () => {
    expect([showValue(1), showValue(true), showValue(null), showValue(undefined), showValue([1]), showValue({})])
      .toEqual(['1', 'true', 'null', 'nothing', 'a list', 'an object']);
  });
});
