// What fleet-scan writes says which servers are weak and how they are reached: every report, the run
// journal, the run log and the history (with SQLite's -wal and -shm files and the lock) is created 0600,
// and every folder fleet-scan creates for them 0700, whatever a permissive umask would allow.
// The CLI case needs `npm run build`.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRunHistory } from '../../src/history/open-run-history.js';
import { lockPathFor } from '../../src/history/lock.js';
import { makePrivateDir, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../src/record/private-files.js';
import { openRunLog } from '../../src/report/run-log.js';
import { writeReports } from '../../src/report/write-reports.js';
import { Journal } from '../../src/runner/journal.js';
import { runCli } from '../cli/helpers/run-cli.js';
import { syntheticRun } from '../helpers/synthetic-run.js';

const dir = mkdtempSync(path.join(tmpdir(), 'fs-modes-'));
let umask: number;
beforeAll(() => {
  // A umask that lets everyone read: what fleet-scan creates must not depend on the user's.
  umask = process.umask(0o002);
});
afterAll(() => {
  process.umask(umask);
  rmSync(dir, { recursive: true, force: true });
});

const mode = (file: string): string => (statSync(file).mode & 0o777).toString(8);
const FILE = PRIVATE_FILE_MODE.toString(8);
const DIR = PRIVATE_DIR_MODE.toString(8);

describe('files and folders fleet-scan creates', () => {
  it('makes every missing folder of a path 0700, and leaves a folder that exists as it was', async () => {
    const deep = path.join(dir, 'made', 'deeper');
    await makePrivateDir(deep);
    expect([mode(path.join(dir, 'made')), mode(deep)]).toEqual([DIR, DIR]);
    expect(mode(dir)).toBe('700'); // mkdtemp's own
  });

  it('writes every report (JSON, workbook, JUnit, HTML, PDF) 0600 into folders it creates 0700', async () => {
    const out = path.join(dir, 'reports', 'nightly');
    const junit = path.join(dir, 'ci', 'junit', 'mars.xml');
    const written = await writeReports(syntheticRun({ hosts: 4 }), {
      outDir: out, junit, html: path.join(out, 'report.html'), pdf: path.join(out, 'report.pdf'),
    });
    expect(written.errors).toEqual([]);
    const files = Object.values(written.paths);
    expect(files).toHaveLength(5);
    expect(files.map(mode)).toEqual(files.map(() => FILE));
    expect([out, path.dirname(out), path.dirname(junit), path.dirname(path.dirname(junit))].map(mode)).toEqual([DIR, DIR, DIR, DIR]);
    // No temporary file was left beside them.
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 120_000);

  it('creates the run journal 0600 in a folder it creates 0700', () => {
    const file = path.join(dir, 'journal', 'run.journal.jsonl');
    const run = syntheticRun({ hosts: 1 });
    Journal.create(file, {
      type: 'run', runId: run.runId, startedAt: run.startedAt, inventoryPath: '/inv.json', pack: 'mars', parameters: run.parameters, hostNames: ['a'],
    });
    expect([mode(file), mode(path.dirname(file))]).toEqual([FILE, DIR]);
  });

  it('creates the run log 0600 in a folder it creates 0700', () => {
    const file = path.join(dir, 'logs', 'fleet-scan.jsonl');
    const opened = openRunLog(file);
    expect(opened.ok).toBe(true);
    expect([mode(file), mode(path.dirname(file))]).toEqual([FILE, DIR]);
  });

  it('creates the history, its -wal and -shm files and its lock 0600, in a folder it creates 0700', () => {
    const file = path.join(dir, 'state', 'fleet-scan', 'history.sqlite');
    const opened = openRunHistory(file);
    if (!opened.ok) throw new Error(opened.message);
    try {
      opened.history.store.saveRun(syntheticRun({ hosts: 2 }));
      const made = [file, `${file}-wal`, `${file}-shm`, lockPathFor(file)];
      expect(made.map((f) => existsSync(f))).toEqual([true, true, true, true]);
      expect(made.map(mode)).toEqual(made.map(() => FILE));
      expect([mode(path.dirname(file)), mode(path.dirname(path.dirname(file)))]).toEqual([DIR, DIR]);
    } finally {
      opened.history.close();
    }
  });

  it('leaves nothing another local user can read after a real scan: reports, journal, log, history and their folders', async () => {
    // One host nobody listens for: the scan ends at once, and writes everything it writes for a real fleet.
    const inventory = path.join(dir, 'inventory.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(inventory, JSON.stringify({ hosts: [{ name: 'down01', address: '127.0.181.250', port: 2222, transport: 'ssh-exec', connectTimeout: '2s' }] }));
    const root = path.join(dir, 'cli');
    const run = await runCli([
      'scan', '-i', inventory, '-o', path.join(root, 'out'), '--log', path.join(root, 'log', 'scan.jsonl'),
      '--junit', path.join(root, 'out', 'junit.xml'), '--html', path.join(root, 'out', 'report.html'),
    ], { XDG_STATE_HOME: path.join(root, 'state') });
    expect(run.code, run.stderr).toBe(4);
    const all: string[] = [];
    const walk = (folder: string): void => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        all.push(full);
        if (entry.isDirectory()) walk(full);
      }
    };
    walk(root);
    const names = all.map((f) => path.relative(root, f)).sort();
    expect(names).toEqual(expect.arrayContaining(['out', 'log', 'state', 'state/fleet-scan', 'state/fleet-scan/history.sqlite', 'log/scan.jsonl', 'out/junit.xml', 'out/report.html']));
    expect(names.filter((n) => /\.journal\.jsonl$|\.json$|\.xlsx$/.test(n))).toHaveLength(3);
    const open = all.filter((f) => mode(f) !== (statSync(f).isDirectory() ? DIR : FILE)).map((f) => `${path.relative(root, f)} ${mode(f)}`);
    expect(open).toEqual([]);
  }, 120_000);
});
