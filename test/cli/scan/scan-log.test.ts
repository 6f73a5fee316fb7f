import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openScanLog } from '../../../src/cli/scan/scan-log.js';
import { UsageError } from '../../../src/cli/usage-error.js';
import { scratchDir } from '../helpers/scan-inputs.js';

const dir = scratchDir('scan-log');

describe('openScanLog', () => {
  it('opens no log without --log', () => {
    expect(openScanLog(undefined)).toBeUndefined();
  });

  it('opens --log FILE for appending JSON lines', () => {
    const file = path.join(dir, 'logs', 'scan.jsonl');
    openScanLog(file)!.start({ runId: 'r1', pack: 'mars', inventoryKey: 'inv', hostCount: 2 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ event: 'run-start', runId: 'r1', hostCount: 2 });
  });

  it('refuses, as bad usage in one line, a log it cannot create', () => {
    const blocker = path.join(dir, 'file');
    writeFileSync(blocker, '');
    const file = path.join(blocker, 'scan.jsonl');
    expect(() => openScanLog(file)).toThrow(new UsageError(`log ${file}: cannot create its folder: a file is in the way`));
  });
});
