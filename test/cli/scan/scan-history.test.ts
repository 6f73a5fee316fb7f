import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockPathFor } from '../../../src/history/lock.js';
import { defaultHistoryPath } from '../../../src/history/store.js';
import { openScanHistory, scanHistoryFile } from '../../../src/cli/scan/scan-history.js';
import { UsageError } from '../../../src/cli/usage-error.js';
import { scratchDir } from '../helpers/scan-inputs.js';

const dir = scratchDir('scan-history');

describe('openScanHistory', () => {
  it('opens nothing with --no-history', () => {
    expect(openScanHistory(false)).toBeUndefined();
  });

  it('opens and locks --history FILE, relative to the working folder', () => {
    const relative = path.relative(process.cwd(), path.join(dir, 'h.sqlite'));
    const history = openScanHistory(relative)!;
    expect(history.store.file).toBe(path.join(dir, 'h.sqlite'));
    expect(existsSync(lockPathFor(history.store.file))).toBe(true);
    history.close();
  });

  it('refuses, as bad usage, a history another run holds', () => {
    const file = path.join(dir, 'busy.sqlite');
    const first = openScanHistory(file)!;
    expect(() => openScanHistory(file)).toThrow(UsageError);
    expect(() => openScanHistory(file)).toThrow(/is in use by fleet-scan pid \d+ .*; wait for it or use --no-history$/);
    first.close();
  });
});

describe('scanHistoryFile', () => {
  it('is --history FILE made absolute, the per-user default without the flag, and none with --no-history', () => {
    expect(scanHistoryFile('h.sqlite')).toBe(path.resolve('h.sqlite'));
    expect(scanHistoryFile(undefined)).toBe(defaultHistoryPath());
    expect(scanHistoryFile(false)).toBeUndefined();
  });
});

describe('openScanHistory with a file that is not a database', () => {
  it('refuses it as bad usage in one line, not as an internal error', () => {
    const file = path.join(dir, 'garbage.sqlite');
    writeFileSync(file, 'not a database, only text long enough to be read as a header\n'.repeat(4));
    expect(() => openScanHistory(file)).toThrow(new UsageError(`history ${file}: file is not a database`));
  });
});
