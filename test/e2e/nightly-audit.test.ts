// The nightly audit end to end: a small lab scanned night after night into one history file, with the
// built CLI. Between the first and second night one host's staged state changes (its sshd hands the state
// file to every new session), so one check is fixed and another newly fails.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listenAndHold, type HoldOpenListener } from '../../src/lab/hold-open-listener.js';
import { openHistory } from '../../src/history/store.js';
import { labDown, labUp } from '../../src/lab/lab-up.js';
import { listStateFiles } from '../../src/lab/lab-state.js';
import { stagedStateSchema } from '../../src/lab/staged-state-schema.js';
import type { RunRecord } from '../../src/record/run-record.js';
import { REPO } from '../helpers/pwsh.js';
import { assertBuilt, CANARY_SECRET, jsonLines, killGroup, killStillRunning, runCli, startCli, waitFor, type CliRun } from './run-cli.js';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'audit');
const BASE = '127.0.162';
const SILENT_ADDRESS = '127.0.163.2';
const SCAN_MS = 240_000;
const CLI_MS = 120_000;

const root = mkdtempSync(path.join(tmpdir(), 'fleet-scan-e2e-audit-'));
const labDir = path.join(root, 'lab');
const inventory = path.join(labDir, 'inventory.json');
const historyFile = path.join(root, 'h.sqlite');
const outDir = path.join(root, 'out');
const at = (name: string) => path.join(root, name);

const readRecord = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as RunRecord;

/** `host/check` for every outcome with this status. */
function withStatus(record: RunRecord, status: string): string[] {
  return record.hosts.flatMap((h) => h.checks.filter((c) => c.status === status).map((c) => `${h.name}/${c.id}`)).sort();
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The data rows of a sheet (header skipped) as arrays, column A first; hyperlink cells as their text. */
function sheetRows(wb: ExcelJS.Workbook, name: string): unknown[][] {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`workbook has no ${name} sheet`);
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

/** One night: a full scan of the lab into the shared history, every report under `<root>/<name>.*`. */
function scanNight(name: string, extra: string[] = []): Promise<CliRun> {
  return runCli(['scan', '-i', inventory, '-o', outDir, '--history', historyFile, '--json', at(`${name}.json`), '--xlsx', at(`${name}.xlsx`),
    '--log', at(`${name}.log.jsonl`), '--concurrency', '3', '--quiet', ...extra]);
}

beforeAll(async () => {
  assertBuilt();
  const up = await labUp({ dir: labDir, statesDir: FIXTURES, base: BASE });
  if (!up.ok) throw new Error(up.message);
}, 120_000);

afterAll(async () => {
  killStillRunning();
  await labDown({ dir: labDir });
  rmSync(root, { recursive: true, force: true });
});

describe('the audit fixtures', () => {
  test('every state file, both nights, is a valid staged state', () => {
    const files = [...listStateFiles(FIXTURES), ...listStateFiles(path.join(FIXTURES, 'night2'))];
    expect(files.map((f) => path.basename(f))).toEqual(['01-fs01-healthy.json', '02-app02-old-dotnet.json', '03-sql03-not-admin.json', '02-app02-weak-crypto.json']);
    for (const file of files) {
      const parsed = stagedStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      expect(parsed.success ? 'valid' : `${path.basename(file)}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`).toBe('valid');
    }
  });

  test('app02 changes between the nights only in its .NET registry keys', () => {
    const night1 = JSON.parse(readFileSync(path.join(FIXTURES, '02-app02-old-dotnet.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    const night2 = JSON.parse(readFileSync(path.join(FIXTURES, 'night2', '02-app02-weak-crypto.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    const changedKeys = Object.keys({ ...night1.registry, ...night2.registry })
      .filter((k) => JSON.stringify(night1.registry![k]) !== JSON.stringify(night2.registry![k]));
    expect(changedKeys).toEqual([
      'HKLM:\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full',
      'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319',
      'HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319',
    ]);
    const rest = (s: Record<string, unknown>) => ({ ...s, $schema: undefined, description: undefined, registry: undefined });
    expect(rest(night2)).toEqual(rest(night1));
  });
});

let night1: CliRun;
let night2: CliRun;

describe('two nights into one history, app02 changed in between', () => {
  beforeAll(async () => {
    night1 = await scanNight('night1');
    copyFileSync(path.join(FIXTURES, 'night2', '02-app02-weak-crypto.json'), path.join(labDir, 'hosts', 'app02', 'state.json'));
    night2 = await scanNight('night2', ['--fail-on', 'new']);
  }, 2 * SCAN_MS);

  test('the first night fails .NET on app02 and admin rights on sql03, and exits 1', () => {
    expect(night1.stderr).toBe('');
    expect(night1.code).toBe(1);
    const record = readRecord(at('night1.json'));
    expect(record.hosts.map((h) => [h.name, h.status])).toEqual([['fs01', 'ok'], ['app02', 'ok'], ['sql03', 'ok']]);
    expect(withStatus(record, 'fail')).toEqual(['app02/mars-dotnet-version', 'sql03/mars-local-admin']);
    expect(record.changes).toBeNull();
  });

  test('the second night sees the new staged state: .NET fixed, strong cryptography failing', () => {
    const record = readRecord(at('night2.json'));
    expect(withStatus(record, 'fail')).toEqual(['app02/mars-tls12-dotnet', 'sql03/mars-local-admin']);
    expect(record.hosts.find((h) => h.name === 'app02')?.checks.find((c) => c.id === 'mars-dotnet-version')?.status).toBe('pass');
  });

  test('fleet-scan history lists both nights, newest first, each with two failing hosts', async () => {
    const run = await runCli(['history', '--history', historyFile]);
    expect(run.code).toBe(0);
    const rows = run.stdout.split('\n').filter((l) => /^\d{8}T/.test(l)).map((l) => l.split(/\s+/));
    const ids = [readRecord(at('night2.json')).runId, readRecord(at('night1.json')).runId];
    expect(rows.map((r) => r[0])).toEqual(ids);
    // RUN, date, time, HOSTS, FAILING, UNSEEN
    for (const r of rows) expect(r.slice(3, 6)).toEqual(['3', '2', '0']);
  }, CLI_MS);

  test('fleet-scan diff names exactly the fix and the new failure on app02', async () => {
    const run = await runCli(['diff', '--history', historyFile]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toContain(`changes since run ${readRecord(at('night1.json')).runId}`);
    expect(lines[0]).toMatch(/: 2$/);
    expect(lines.slice(1).map((l) => l.trim().split(/\s+/).slice(0, 3))).toEqual([
      ['new-failure', 'app02:', 'mars-tls12-dotnet'],
      ['fixed', 'app02:', 'mars-dotnet-version'],
    ]);
  }, CLI_MS);

  test('the second run record carries the same two changes against the first night', () => {
    const record = readRecord(at('night2.json'));
    expect(record.changes?.previousRunId).toBe(readRecord(at('night1.json')).runId);
    expect(record.changes?.changes.map((c) => [c.kind, c.host, c.check, c.before, c.after])).toEqual([
      ['new-failure', 'app02', 'mars-tls12-dotnet', 'pass', 'fail'],
      ['fixed', 'app02', 'mars-dotnet-version', 'fail', 'pass'],
    ]);
  });

  test('the second workbook has a Changes sheet with exactly those two rows, the new failure first', async () => {
    const wb = await readWorkbook(at('night2.xlsx'));
    expect(sheetRows(wb, 'Changes').map((r) => r.slice(0, 5))).toEqual([
      ['new-failure', 'app02', 'mars-tls12-dotnet', 'pass', 'fail'],
      ['fixed', 'app02', 'mars-dotnet-version', 'fail', 'pass'],
    ]);
  });

  test('the first workbook says there was no previous run to compare with', async () => {
    const wb = await readWorkbook(at('night1.xlsx'));
    expect(wb.getWorksheet('Changes')?.getCell('A1').value).toBe('No previous run of this inventory to compare with.');
  });

  test('with --fail-on new the second night exits 1, for its new failure', () => {
    expect(night2.stderr).toBe('');
    expect(night2.code).toBe(1);
    expect(night2.stdout).toContain('new-failure  app02  mars-tls12-dotnet');
  });

  test('the run log has one line per host between a start and an end line, and no secret', () => {
    const file = at('night1.log.jsonl');
    const lines = jsonLines(file);
    expect(lines.map((l) => l.event)).toEqual(['run-start', 'host', 'host', 'host', 'run-end']);
    expect(lines.filter((l) => l.event === 'host').map((l) => l.host).sort()).toEqual(['app02', 'fs01', 'sql03']);
    expect(lines.find((l) => l.host === 'app02')).toMatchObject({ status: 'ok', failed: ['mars-dotnet-version'] });
    expect(lines.at(-1)).toMatchObject({ event: 'run-end', hosts: 3, failHosts: 2, exitCode: 1 });
    const text = readFileSync(file, 'utf8');
    const key = readFileSync(path.join(labDir, 'client', 'id_ed25519'), 'utf8');
    const keyBody = key.split('\n').filter((l) => l !== '' && !l.startsWith('-----'));
    expect(keyBody.length).toBeGreaterThan(0);
    for (const secret of [CANARY_SECRET, 'PRIVATE KEY', ...keyBody]) expect(text).not.toContain(secret);
  });
});

describe('a night with only old failures', () => {
  let onlyNew: CliRun;
  let any: CliRun;
  beforeAll(async () => {
    onlyNew = await scanNight('night3', ['--fail-on', 'new']);
    any = await scanNight('night4', ['--fail-on', 'any']);
  }, 2 * SCAN_MS);

  test('with --fail-on new it exits 0: nothing changed since the night before', () => {
    expect(onlyNew.stderr).toBe('');
    const record = readRecord(at('night3.json'));
    expect(withStatus(record, 'fail')).toEqual(['app02/mars-tls12-dotnet', 'sql03/mars-local-admin']);
    expect(record.changes?.changes).toEqual([]);
    expect(onlyNew.code).toBe(0);
  });

  test('with --fail-on any the same failures exit 1', () => {
    expect(withStatus(readRecord(at('night4.json')), 'fail')).toEqual(['app02/mars-tls12-dotnet', 'sql03/mars-local-admin']);
    expect(any.code).toBe(1);
  });
});

describe('waivers from a CSV file', () => {
  let live: CliRun;
  let expired: CliRun;
  // Only sql03, whose one failure is mars-local-admin; the web* waiver matches no host of the lab.
  const scanSql03 = (name: string, waivers: string) =>
    runCli(['scan', '-i', inventory, '--host', 'sql03', '-o', outDir, '--no-history', '--json', at(`${name}.json`), '--xlsx', at(`${name}.xlsx`),
      '--waivers', path.join(FIXTURES, waivers), '--quiet']);

  beforeAll(async () => {
    live = await scanSql03('waived', 'waivers-live.csv');
    expired = await scanSql03('expired', 'waivers-expired.csv');
  }, 2 * SCAN_MS);

  test('a live waiver makes the failing check waived in the run record, keeping the original status', () => {
    const outcome = readRecord(at('waived.json')).hosts[0]!.checks.find((c) => c.id === 'mars-local-admin');
    expect(outcome).toMatchObject({
      status: 'waived', waivedStatus: 'fail',
      waiver: { owner: 'ops-backup', expires: '2999-12-31', justification: 'svc-scan is being added to Administrators under CHG-1042' },
    });
    expect(withStatus(readRecord(at('waived.json')), 'fail')).toEqual([]);
  });

  test('the waived finding no longer sets the exit code: the run exits 0', () => {
    expect(live.stderr).toBe('');
    expect(live.code).toBe(0);
  });

  test('the workbook lists the finding as waived with its justification, and every waiver with its state', async () => {
    const wb = await readWorkbook(at('waived.xlsx'));
    const finding = sheetRows(wb, 'Findings').find((r) => r[2] === 'mars-local-admin');
    expect(finding?.[0]).toBe('sql03');
    expect(finding?.[5]).toBe('waived');
    expect(finding?.slice(10, 12)).toEqual(['svc-scan is being added to Administrators under CHG-1042', '2999-12-31']);
    expect(sheetRows(wb, 'Waivers').map((r) => [r[0], r[1], r[5], r[6]])).toEqual([
      ['sql03', 'mars-local-admin', 'applied', 1],
      ['web*', 'mars-agent-version', 'unmatched', 0],
    ]);
  });

  test('a waiver that matches nothing is reported in the run record and on the console', () => {
    expect(readRecord(at('waived.json')).waivers.map((w) => [w.host, w.state])).toEqual([['sql03', 'applied'], ['web*', 'unmatched']]);
    expect(live.stdout).toContain('Waivers that need attention');
    expect(live.stdout).toMatch(/web\*.*mars-agent-version.*matched no host and check/);
  });

  test('an expired waiver waives nothing: the failure is back and the run exits 1', () => {
    const record = readRecord(at('expired.json'));
    expect(withStatus(record, 'fail')).toEqual(['sql03/mars-local-admin']);
    expect(withStatus(record, 'waived')).toEqual([]);
    expect(expired.code).toBe(1);
  });

  test('an expired waiver is reported in the run record, the workbook and on the console', async () => {
    expect(readRecord(at('expired.json')).waivers.map((w) => [w.host, w.state])).toEqual([['sql03', 'expired'], ['web*', 'unmatched']]);
    const wb = await readWorkbook(at('expired.xlsx'));
    expect(sheetRows(wb, 'Waivers').map((r) => [r[0], r[5]])).toEqual([['sql03', 'expired'], ['web*', 'unmatched']]);
    expect(expired.stdout).toMatch(/sql03.*mars-local-admin.*expired 2001-01-31/);
  });
});

describe('two scans on one history at once', () => {
  let silent: HoldOpenListener;
  let second: CliRun;
  let first: CliRun;
  let holderPid: number;

  beforeAll(async () => {
    // The lab plus a host whose port accepts and never answers: the first scan holds the history lock
    // until that host fails, which is when this test closes the listener, after the second scan ran.
    silent = await listenAndHold(SILENT_ADDRESS, 2222, SCAN_MS);
    const doc = JSON.parse(readFileSync(inventory, 'utf8')) as { name: string; hosts: Record<string, unknown>[] };
    doc.name = 'lab-lock';
    doc.hosts.push({ name: 'silent04', address: SILENT_ADDRESS });
    const lockInventory = at('lock-inventory.json');
    writeFileSync(lockInventory, JSON.stringify(doc, null, 2));

    const running = startCli(['scan', '-i', lockInventory, '-o', outDir, '--history', historyFile, '--json', at('lock.json'),
      '--connect-timeout', '200s', '--quiet']);
    try {
      holderPid = running.child.pid!;
      const lockFile = `${historyFile}.lock`;
      const locked = await waitFor(() => existsSync(lockFile) && readFileSync(lockFile, 'utf8').includes(`"pid":${holderPid}`), 60_000);
      if (!locked) throw new Error('the first scan never took the history lock');
      second = await runCli(['scan', '-i', inventory, '--host', 'fs01', '-o', outDir, '--history', historyFile, '--quiet']);
      await silent.close();
      first = await running.done;
    } finally {
      killGroup(running.child);
      await silent.close();
    }
  }, 2 * SCAN_MS);

  test('the second scan exits 2 with one line naming the scan that holds the history', () => {
    expect(second.code).toBe(2);
    expect(second.stdout).toBe('');
    expect(second.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^fleet-scan: history ${escapeRegExp(historyFile)} is in use by fleet-scan pid ${holderPid} since \\d\\d:\\d\\d:\\d\\d; wait for it or use --no-history$`)),
    ]);
  });

  test('the first scan finishes undisturbed: exit 5 for its failures and the host that never answered', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(5);
    const record = readRecord(at('lock.json'));
    expect(record.hosts.find((h) => h.name === 'silent04')?.status).toBe('unreachable');
    expect(record.hosts.filter((h) => h.status === 'ok')).toHaveLength(3);
  });

  test('the first scan recorded its run and released the lock', async () => {
    const list = await runCli(['history', '--history', historyFile]);
    expect(list.stdout).toContain(readRecord(at('lock.json')).runId);
    expect(existsSync(`${historyFile}.lock`)).toBe(false);
  }, CLI_MS);
});

describe('a scan SIGKILLed inside its history write', () => {
  let killed: CliRun;
  let killedRunId: string;
  let journalHosts: number;
  const killOut = at('kill-out');
  let runsBefore: string[] = [];

  beforeAll(async () => {
    runsBefore = (await runCli(['history', '--history', historyFile])).stdout.split('\n').filter((l) => /^\d{8}T/.test(l)).map((l) => l.split(/\s+/)[0]!);
    // The hook makes the real CLI SIGKILL itself after 40 of its 93 result rows, inside the transaction.
    const running = startCli(['scan', '-i', inventory, '-o', killOut, '--history', historyFile, '--quiet'], {
      nodeArgs: ['--import', path.join(FIXTURES, 'sigkill-inside-save-run.mjs')],
      env: { FS_E2E_SIGKILL_AT_RESULT: '40' },
    });
    try {
      killed = await running.done;
    } finally {
      killGroup(running.child);
    }
    const journal = readdirSync(killOut).find((f) => f.endsWith('.journal.jsonl'));
    const lines = journal ? jsonLines(path.join(killOut, journal)) : [];
    killedRunId = String(lines[0]?.runId);
    journalHosts = lines.filter((l) => l.type === 'host').length;
  }, SCAN_MS);

  test('the scan finished every host and died by SIGKILL before writing any report', () => {
    expect(journalHosts).toBe(3);
    expect(killed.signal).toBe('SIGKILL');
    expect(readdirSync(killOut).filter((f) => !f.endsWith('.journal.jsonl'))).toEqual([]);
  });

  test('fleet-scan history still lists every earlier run and not the killed one', async () => {
    expect(runsBefore.length).toBe(5);
    const run = await runCli(['history', '--history', historyFile]);
    expect(run.code).toBe(0);
    const listed = run.stdout.split('\n').filter((l) => /^\d{8}T/.test(l)).map((l) => l.split(/\s+/)[0]);
    expect(listed).toEqual(runsBefore);
    expect(listed).not.toContain(killedRunId);
  }, CLI_MS);

  test('the database passes an integrity check, every stored run reads back whole, and no row of the killed run is left', () => {
    const db = new Database(historyFile, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(*) FROM results WHERE run_id = ?').pluck().get(killedRunId)).toBe(0);
    } finally {
      db.close();
    }
    const store = openHistory(historyFile);
    try {
      const runs = store.listRuns({ limit: 100 });
      expect(runs.map((r) => r.runId)).toEqual(runsBefore);
      for (const r of runs) expect(store.getRun(r.runId)?.hosts).toHaveLength(r.hostCount);
    } finally {
      store.close();
    }
  });

  test('fleet-scan diff still compares the first two nights', async () => {
    const [night1Id, night2Id] = ['night1', 'night2'].map((n) => readRecord(at(`${n}.json`)).runId);
    const run = await runCli(['diff', '--history', historyFile, night1Id!, night2Id!]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`changes since run ${night1Id}`);
    expect(run.stdout).toMatch(/new-failure\s+app02: mars-tls12-dotnet/);
  }, CLI_MS);

  test('the lock the killed scan left is taken over by the next scan, which records its run', async () => {
    expect(readFileSync(`${historyFile}.lock`, 'utf8')).toContain('"pid":');
    const run = await runCli(['scan', '-i', inventory, '--host', 'fs01', '-o', outDir, '--history', historyFile, '--json', at('after-kill.json'), '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const list = await runCli(['history', '--history', historyFile]);
    expect(list.stdout).toContain(readRecord(at('after-kill.json')).runId);
    expect(existsSync(`${historyFile}.lock`)).toBe(false);
  }, SCAN_MS);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
