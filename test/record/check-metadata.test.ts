import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/checks/catalog.js';
import { checkMetadataSchema } from '../../src/record/check-metadata.js';
import { syntheticChecks } from '../helpers/synthetic-run.js';

describe('checkMetadataSchema', () => {
  const valid = syntheticChecks(1)[0]!;

  it('requires a failure phrase', () => {
    const { failure: _dropped, ...without } = valid;
    expect(checkMetadataSchema.safeParse(without).success).toBe(false);
  });

  it('refuses a failure phrase with a trailing period, or one too long to be short', () => {
    expect(checkMetadataSchema.safeParse({ ...valid, failure: 'Clock off by 5 minutes or more.' }).success).toBe(false);
    expect(checkMetadataSchema.safeParse({ ...valid, failure: 'x'.repeat(81) }).success).toBe(false);
    expect(checkMetadataSchema.safeParse({ ...valid, failure: 'Clock off by 5 minutes or more' }).success).toBe(true);
  });
});

describe('the mars checks', () => {
  it('each name their failure in words of their own, not their title', () => {
    for (const check of loadPack('mars').checks) {
      expect(check.failure, check.id).not.toBe(check.title);
      expect(check.failure.includes(check.title), check.id).toBe(false);
    }
  });

  it('each have a distinct failure phrase', () => {
    const phrases = loadPack('mars').checks.map((c) => c.failure);
    expect(new Set(phrases).size).toBe(phrases.length);
  });
});
