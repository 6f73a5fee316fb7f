import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWaivers } from '../../../src/cli/scan/read-waivers.js';
import { UsageError } from '../../../src/cli/usage-error.js';
import { scratchDir } from '../helpers/scan-inputs.js';

const dir = scratchDir('read-waivers');

describe('readWaivers', () => {
  it('is no waiver without --waivers', () => {
    expect(readWaivers(undefined)).toEqual([]);
  });

  it('reads the waivers of the file', () => {
    const file = path.join(dir, 'waivers.csv');
    writeFileSync(file, 'host,check,justification,owner,expires\nfs*,mars-clock-skew,NTP fixed in Q1,ops,2030-01-31\n');
    expect(readWaivers(file)).toEqual([{ host: 'fs*', check: 'mars-clock-skew', justification: 'NTP fixed in Q1', owner: 'ops', expires: '2030-01-31' }]);
  });

  it('stops the run before it starts on a bad row, one usage line per row', () => {
    const file = path.join(dir, 'bad.csv');
    writeFileSync(file, 'host,check,justification,owner,expires\nfs01,mars-clock-skew,,ops,2030-02-30\n');
    expect(() => readWaivers(file)).toThrow(new UsageError(['bad.csv: row 2 (justification): required; (expires): not a date: 2030-02-30']));
  });
});
