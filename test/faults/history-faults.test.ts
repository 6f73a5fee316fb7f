// The history database held by another run, damaged, or written by a newer fleet-scan. `fleet-scan scan`,
// `history` and `diff` run as child processes (the built CLI); each must stop with one line, before it
// scans anything, and leave the database's bytes exactly as they were. Needs `npm run build`.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockPathFor } from '../../src/history/lock.js';
import { MIGRATIONS } from '../../src/history/migrations.js';
import { openHistory } from '../../src/history/store.js';
import { listenAndHold, type HoldOpenListener } from '../../src/lab/hold-open-listener.js';
import { eventually } from '../helpers/lab-processes.js';
import { syntheticRun } from '../helpers/synthetic-run.js';
import { runCli, startCli, type CliRun } from '../cli/helpers/run-cli.js';

/** A listener that accepts and never answers: a scan of it holds its history lock for the connect timeout. */
const SILENT = '127.0.205.2';

const digest = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every file of the database (the main file, its -wal and -shm) with its digest: what "untouched" means. */
function databaseFiles(file: string): Record<string, string> {
  const dir = path.dirname(file);
  const names = new Set(['', '-wal', '-shm'].map((suffix) => `${path.basename(file)}${suffix}`));
  return Object.fromEntries(readdirSync(dir).filter((f) => names.has(f)).map((f) => [f, digest(path.join(dir, f))]));
}

function expectOneLine(run: CliRun, code: number, line: RegExp): void {
  expect(run.code, run.stderr).toBe(code);
  expect(run.stderr).toMatch(line);
  expect(run.stderr.trimEnd().split('\n'), run.stderr).toHaveLength(1);
  expect(run.stdout).toBe('');
}

describe('a history that is locked, damaged or from a newer fleet-scan', () => {
  let dir: string;
  let inventory: string;
  let silent: HoldOpenListener;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fs-faults-history-'));
    inventory = path.join(dir, 'fleet.json');
    writeFileSync(inventory, JSON.stringify({
      name: 'faults-history',
      defaults: { transport: 'ssh-exec', port: 2222, connectTimeout: '20s', cloud: 'public' },
      hosts: [{ name: 'web01', address: SILENT }],
    }));
    silent = await listenAndHold(SILENT, 2222, 300_000);
  });

  afterAll(() => silent.close());

  const scan = (history: string, out = path.join(dir, `out-${path.basename(history)}`)) =>
    ['scan', '-i', inventory, '-o', out, '--history', history, '--deadline', '60s'];

  /** A history with one run in it, as a real scan leaves it (WAL mode). */
  function savedHistory(name: string): string {
    const file = path.join(dir, name);
    const store = openHistory(file);
    store.saveRun(syntheticRun({ hosts: 3, checks: 3 }));
    store.close();
    return file;
  }

  it('a second scan stops in one line naming the run that holds the history, and leaves the database and its lock alone', async () => {
    const history = savedHistory('locked.sqlite');
    const first = startCli(scan(history, path.join(dir, 'out-first')));
    // Locked, and open: the first run holds the database while it waits for its host.
    expect(await eventually(() => existsSync(lockPathFor(history)) && existsSync(`${history}-shm`), 30_000)).toBe(true);
    const before = { db: databaseFiles(history), lock: readFileSync(lockPathFor(history), 'utf8') };

    const second = await runCli(scan(history));
    expectOneLine(second, 2, new RegExp(`^fleet-scan: history ${history} is in use by fleet-scan pid ${first.child.pid} since \\d\\d:\\d\\d:\\d\\d; wait for it or use --no-history\\n$`));
    expect(readFileSync(lockPathFor(history), 'utf8')).toBe(before.lock);
    expect(databaseFiles(history)).toEqual(before.db);
    expect(existsSync(path.join(dir, `out-${path.basename(history)}`))).toBe(false);
    first.child.kill('SIGINT');
    expect((await first.done).code).toBe(130);
  }, 90_000);

  it('a file that is not a database stops scan, history and diff in one line, and stays as it was', async () => {
    const history = path.join(dir, 'garbage.sqlite');
    writeFileSync(history, 'this is a text file someone saved over the history, long enough for a header\n'.repeat(50));
    const before = databaseFiles(history);
    const notADatabase = new RegExp(`^fleet-scan: history ${history}: file is not a database\\n$`);
    expectOneLine(await runCli(scan(history)), 2, notADatabase);
    expectOneLine(await runCli(['history', '--history', history]), 2, notADatabase);
    expectOneLine(await runCli(['diff', '--history', history]), 2, notADatabase);
    expect(databaseFiles(history)).toEqual(before);
    expect(existsSync(lockPathFor(history))).toBe(false);
  }, 60_000);

  it('a database cut short stops scan and history in one line, and stays as it was', async () => {
    const history = savedHistory('truncated.sqlite');
    truncateSync(history, 4096 * 2);
    const before = databaseFiles(history);
    const malformed = new RegExp(`^fleet-scan: history ${history}: database disk image is malformed\\n$`);
    expectOneLine(await runCli(scan(history)), 2, malformed);
    expectOneLine(await runCli(['history', '--history', history]), 2, malformed);
    expect(databaseFiles(history)).toEqual(before);
  }, 60_000);

  it('a database from a newer fleet-scan stops scan, history and diff in one line, and not one byte of it changes', async () => {
    // A newer fleet-scan may keep its database in any journal mode: this one uses SQLite's default.
    const history = path.join(dir, 'newer.sqlite');
    const newer = new Database(history);
    newer.exec('CREATE TABLE runs_v9 (run_id TEXT PRIMARY KEY, record BLOB)');
    newer.pragma(`user_version = ${MIGRATIONS.length + 7}`);
    newer.close();
    const before = databaseFiles(history);
    const tooNew = new RegExp(`^fleet-scan: history ${history} was written by a newer fleet-scan \\(schema v${MIGRATIONS.length + 7}, this one reads up to v${MIGRATIONS.length}\\)\\n$`);
    expectOneLine(await runCli(scan(history)), 2, tooNew);
    expectOneLine(await runCli(['history', '--history', history]), 2, tooNew);
    expectOneLine(await runCli(['diff', '--history', history]), 2, tooNew);
    expect(databaseFiles(history)).toEqual(before);
  }, 60_000);
});
