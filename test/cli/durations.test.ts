import { describe, expect, it } from 'vitest';
import { durationFlag, listFlag } from '../../src/cli/durations.js';
import { UsageError } from '../../src/cli/usage-error.js';

describe('durationFlag', () => {
  it('reads 90s, 2m, 500ms and plain seconds as milliseconds', () => {
    expect([durationFlag('deadline', '90s'), durationFlag('deadline', '2m'), durationFlag('deadline', '500ms'), durationFlag('deadline', 30)]).toEqual([90_000, 120_000, 500, 30_000]);
  });

  it('refuses what is not a duration, zero included, naming the flag', () => {
    expect(() => durationFlag('deadline', 'abc')).toThrow(UsageError);
    expect(() => durationFlag('deadline', 'abc')).toThrow(/^--deadline: must be a duration .*got "abc"$/);
    expect(() => durationFlag('connect-timeout', '0')).toThrow(/^--connect-timeout: must be a duration .*got "0"$/);
  });
});

describe('listFlag', () => {
  it('splits commas, joins repeats, trims and drops empty items', () => {
    expect(listFlag(['a, b', 'c', ',,'])).toEqual(['a', 'b', 'c']);
    expect(listFlag('x')).toEqual(['x']);
  });

  it('is null when the flag is absent or holds nothing', () => {
    expect(listFlag(undefined)).toBeNull();
    expect(listFlag([' , '])).toBeNull();
  });
});
