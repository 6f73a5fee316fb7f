import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { lockPathFor } from '../../src/history/lock.js';
import { openRunHistory } from '../../src/history/open-run-history.js';
import { host, outcome, runRecord } from './helpers/records.js';

const dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-run-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openRunHistory', () => {
  test('locks and opens the history; close closes it and removes the lock', () => {
    const file = path.join(dir, 'nested', 'history.sqlite');
    const opened = openRunHistory(file);
    if (!opened.ok) throw new Error(opened.message);
    expect(existsSync(lockPathFor(file))).toBe(true);
    opened.history.store.saveRun(runRecord({ hosts: [host('fs01', [outcome('mars-a', 'pass')])] }));
    opened.history.close();
    expect(existsSync(lockPathFor(file))).toBe(false);
    const again = openRunHistory(file);
    if (!again.ok) throw new Error(again.message);
    expect(again.history.store.listRuns()).toHaveLength(1);
    again.history.close();
  });

  test('a second run is refused while the first holds the history, with the one line naming the holder', () => {
    const file = path.join(dir, 'busy.sqlite');
    const first = openRunHistory(file);
    if (!first.ok) throw new Error(first.message);
    const second = openRunHistory(file);
    expect(second.ok).toBe(false);
    expect(!second.ok && second.message).toMatch(new RegExp(`^history .*busy\\.sqlite is in use by fleet-scan pid ${process.pid} since .*; wait for it or use --no-history$`));
    first.history.close();
  });

  test('a file that is no database is refused in one line and leaves no lock behind', () => {
    const file = path.join(dir, 'garbage.sqlite');
    writeFileSync(file, 'not a database at all, just text that is long enough to be read as a header');
    expect(openRunHistory(file)).toEqual({ ok: false, message: `history ${file}: file is not a database` });
    expect(existsSync(lockPathFor(file))).toBe(false);
  });
});
