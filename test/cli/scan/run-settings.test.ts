import { describe, expect, it } from 'vitest';
import { runSettings, type RunFlags } from '../../../src/cli/scan/run-settings.js';
import { UsageError } from '../../../src/cli/usage-error.js';
import type { RunParameters } from '../../../src/record/run-record.js';
import { marsPack } from '../helpers/scan-inputs.js';

const flags: RunFlags = { deadline: '120s', concurrency: 32, failOn: 'any' };
const pack = marsPack();

describe('runSettings', () => {
  it('reads the defaults: every check and tag, 120 s per host, 32 at once, the inventory connect timeouts', () => {
    expect(runSettings(flags, pack)).toEqual({ checkIds: null, tags: null, deadlineMs: 120_000, concurrency: 32, failOn: 'any', connectTimeoutMs: undefined });
  });

  it('reads comma-separated and repeated list flags, durations and --fail-on', () => {
    const settings = runSettings(
      { ...flags, checks: ['mars-clock-skew,mars-dotnet-version', 'mars-net-ncsi'], tags: ['prod'], deadline: '2m', connectTimeout: '10s', failOn: 'new' },
      pack,
    );
    expect(settings).toEqual({
      checkIds: ['mars-clock-skew', 'mars-dotnet-version', 'mars-net-ncsi'], tags: ['prod'], deadlineMs: 120_000, concurrency: 32, failOn: 'new', connectTimeoutMs: 10_000,
    });
  });

  it('refuses a check the pack does not have, one line per unknown id', () => {
    expect(() => runSettings({ ...flags, checks: ['nope,mars-clock-skew,gone'] }, pack)).toThrow(
      new UsageError([
        '--checks: pack mars has no check "nope" (see: fleet-scan checks --pack mars)',
        '--checks: pack mars has no check "gone" (see: fleet-scan checks --pack mars)',
      ]),
    );
  });

  it('refuses a concurrency outside 1 to 1024 and a bad duration, naming the flag', () => {
    for (const concurrency of [0, 1025, 2.5]) {
      expect(() => runSettings({ ...flags, concurrency }, pack)).toThrow(`--concurrency: must be a whole number from 1 to 1024, got ${concurrency}`);
    }
    expect(() => runSettings({ ...flags, deadline: 'abc' }, pack)).toThrow(/^--deadline: /);
    expect(() => runSettings({ ...flags, connectTimeout: '0' }, pack)).toThrow(/^--connect-timeout: /);
  });

  it('takes a resumed run\'s parameters as they were, and does not read the flags at all', () => {
    const saved: RunParameters = { concurrency: 4, deadlineMs: 60_000, connectTimeoutMs: 7_000, checks: ['mars-clock-skew'], tags: ['prod'], failOn: 'new' };
    expect(runSettings({ ...flags, deadline: 'not read', checks: ['nope'] }, pack, saved)).toEqual({
      checkIds: ['mars-clock-skew'], tags: ['prod'], deadlineMs: 60_000, concurrency: 4, failOn: 'new', connectTimeoutMs: 7_000,
    });
  });
});
