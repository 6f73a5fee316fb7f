import { describe, expect, it } from 'vitest';
import { WAIVER_FIELDS, waiverSchema } from '../../src/record/waiver-file.js';

const good = { host: ' fs0? ', check: 'mars-tls*', justification: 'TLS upgrade in Q1', owner: 'ops@example.com', expires: '2026-12-31' };

describe('the waiver file schema', () => {
  it('reads a waiver with every field, trimmed', () => {
    expect(waiverSchema.parse(good)).toEqual({ ...good, host: 'fs0?' });
  });

  it('says required for a missing or blank field and not text for a number', () => {
    const parsed = waiverSchema.safeParse({ ...good, owner: '  ', justification: undefined, check: 7 });
    const messages = Object.fromEntries(parsed.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(messages).toEqual({ owner: 'required', justification: 'required', check: 'not text' });
  });

  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    for (const expires of ['2026-02-30', '2026-13-01', '31/12/2026', '2026-1-5']) {
      expect(waiverSchema.safeParse({ ...good, expires }).error?.issues[0]?.message).toBe(`not a date: ${expires}`);
    }
    expect(waiverSchema.safeParse({ ...good, expires: '2028-02-29' }).success).toBe(true);
  });

  it('names its fields in the order problems are reported', () => {
    expect(WAIVER_FIELDS).toEqual(['host', 'check', 'justification', 'owner', 'expires']);
  });
});
