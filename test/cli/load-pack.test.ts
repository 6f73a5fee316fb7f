import { describe, expect, it } from 'vitest';
import { loadPackOrUsage } from '../../src/cli/load-pack.js';
import { UsageError } from '../../src/cli/usage-error.js';

describe('loadPackOrUsage', () => {
  it('loads a shipped pack', () => {
    expect(loadPackOrUsage('mars').checks).toHaveLength(31);
  });

  it('turns an unknown pack into a usage error in the pack loader\'s own words', () => {
    expect(() => loadPackOrUsage('nopack')).toThrow(UsageError);
    expect(() => loadPackOrUsage('nopack')).toThrow('ps-scripts/packs/nopack/pack.json: no such pack "nopack"');
  });
});
