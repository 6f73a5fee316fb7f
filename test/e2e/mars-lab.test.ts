// The MARS pack over the real lab, end to end with the built CLI: `fleet-scan lab up` starts sshd hosts
// dressed from staged-state files, `fleet-scan scan` reaches them over ssh (PowerShell remoting) or
// ssh-exec, runs every check remotely, and the run record, exit code and workbook say what each state
// should make them say.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listStateFiles, planLabHosts } from '../../src/lab/lab-state.js';
import type { RunRecord } from '../../src/record/run-record.js';
import { REPO } from '../helpers/pwsh.js';
import { assertBuilt, killStillRunning, runCli, type CliRun } from './run-cli.js';

const STATES = path.join(REPO, 'test', 'fixtures', 'states');
const SHIPPED = path.join(REPO, 'lab', 'states');
const LAB_MS = 120_000;
const SCAN_MS = 300_000;

/** expected-statuses.json: for each state file, the status of every MARS check on a host dressed with it. */
type Expected = Record<string, Record<string, string>>;
const expected = JSON.parse(readFileSync(path.join(REPO, 'test', 'fixtures', 'expected-statuses.json'), 'utf8')) as Expected;

const root = mkdtempSync(path.join(tmpdir(), 'fleet-scan-e2e-mars-'));
afterAll(() => {
  killStillRunning();
  rmSync(root, { recursive: true, force: true });
});

beforeAll(() => assertBuilt());

/** Exactly the state files expected-statuses.json describes, in a folder of their own (the lab dresses a host per file). */
function expectedStatesDir(): string {
  const dir = path.join(root, 'states');
  mkdirSync(dir, { recursive: true });
  for (const file of Object.keys(expected)) copyFileSync(path.join(STATES, file), path.join(dir, file));
  return dir;
}

/** The exit code a run should end with: bit 1 for a failed check, bit 4 for an unseen host or a broken check. */
function exitCodeOf(record: RunRecord): number {
  const outcomes = record.hosts.flatMap((h) => h.checks);
  return (outcomes.some((c) => c.status === 'fail') ? 1 : 0) |
    (record.hosts.some((h) => h.status !== 'ok') || outcomes.some((c) => c.status === 'error') ? 4 : 0);
}

interface LabScan {
  lab: CliRun;
  scan: CliRun;
  record: RunRecord;
  /** Host name -> the state file (as named in expected-statuses.json) it is dressed with. */
  stateOf: Map<string, string>;
}

/** `fleet-scan lab up` then `fleet-scan scan` of the lab it wrote, with the run record read back. */
async function upAndScan(name: string, labArgs: string[], scanArgs: string[] = []): Promise<LabScan> {
  const dir = path.join(root, name);
  const lab = await runCli(['lab', 'up', '--dir', path.join(dir, 'lab'), ...labArgs]);
  if (lab.code !== 0) throw new Error(`lab up ${name} failed: ${lab.stderr}`);
  const json = path.join(dir, 'run.json');
  const scan = await runCli(['scan', '-i', path.join(dir, 'lab', 'inventory.json'), '-o', path.join(dir, 'out'), '--no-history',
    '--json', json, '--concurrency', '6', '--quiet', ...scanArgs]);
  const record = JSON.parse(readFileSync(json, 'utf8')) as RunRecord;
  const statesArg = labArgs.indexOf('--states');
  const statesDir = statesArg >= 0 ? labArgs[statesArg + 1]! : SHIPPED;
  const plan = planLabHosts(listStateFiles(statesDir));
  if (!plan.ok) throw new Error(plan.message);
  return { lab, scan, record, stateOf: new Map(plan.value.map((h) => [h.name, path.basename(h.state)])) };
}

function labDown(name: string): Promise<CliRun> {
  return runCli(['lab', 'down', '--dir', path.join(root, name, 'lab')]);
}

/** The status of every check on every host, as expected-statuses.json spells it: state file -> check -> status. */
function statusesByState(run: LabScan): Expected {
  const out: Expected = {};
  for (const host of run.record.hosts) {
    out[run.stateOf.get(host.name) ?? `(no state for ${host.name})`] = Object.fromEntries(host.checks.map((c) => [c.id, c.status]));
  }
  return out;
}

/** Outcomes that are not a plain pass must say why: evidence lines for a finding, a reason for a skip. */
function unexplained(record: RunRecord): string[] {
  const out: string[] = [];
  for (const host of record.hosts) {
    for (const c of host.checks) {
      if (['fail', 'warn', 'error'].includes(c.status) && (c.evidence.length === 0 || c.evidence.some((e) => e.trim() === ''))) {
        out.push(`${host.name}/${c.id} ${c.status}: no evidence`);
      }
      if (c.status === 'skipped' && !c.reason?.trim()) out.push(`${host.name}/${c.id} skipped: no reason`);
      if (c.status !== 'pass' && !c.summary.trim()) out.push(`${host.name}/${c.id} ${c.status}: no summary`);
    }
  }
  return out;
}

for (const [transport, base] of [['ssh', '127.0.140'], ['ssh-exec', '127.0.141']] as const) {
  describe(`every staged state of expected-statuses.json, scanned over ${transport}`, () => {
    let run: LabScan;
    beforeAll(async () => {
      run = await upAndScan(transport, ['--states', expectedStatesDir(), '--base', base, '--transport', transport]);
    }, LAB_MS + SCAN_MS);
    afterAll(async () => {
      await labDown(transport);
    }, LAB_MS);

    test('lab up starts one host per state file and the scan reaches each over the chosen transport', () => {
      expect(run.lab.stdout).toContain(`lab up: ${Object.keys(expected).length} hosts`);
      expect([...run.stateOf.values()].sort()).toEqual(Object.keys(expected).sort());
      expect(run.record.hosts.map((h) => [h.name, h.transport, h.status])).toEqual(
        [...run.stateOf.keys()].map((name) => [name, transport, 'ok']),
      );
    });

    test('every host reports exactly the status expected-statuses.json gives each check of its state', () => {
      expect(statusesByState(run)).toEqual(expected);
    });

    test('every fail, warn and error carries evidence, and every skip its reason', () => {
      expect(unexplained(run.record)).toEqual([]);
    });

    test('the exit code is 1 for failed checks, with bit 4 only when a host or check broke', () => {
      expect(run.scan.stderr).toBe('');
      expect([1, 5]).toContain(run.scan.code);
      expect(run.scan.code).toBe(exitCodeOf(run.record));
    });
  });
}

describe('the shipped lab mix, as the README runs it', () => {
  let run: LabScan;
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    run = await upAndScan('shipped', ['--base', '127.0.142']);
    const outDir = path.join(root, 'shipped', 'out');
    const xlsx = readdirSync(outDir).find((f) => f === `fleet-scan-${run.record.runId}.xlsx`);
    if (!xlsx) throw new Error(`no workbook in ${outDir}`);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(outDir, xlsx));
  }, LAB_MS + SCAN_MS);
  afterAll(async () => {
    await labDown('shipped');
  }, LAB_MS);

  const failing = (h: RunRecord['hosts'][number]) => h.checks.some((c) => c.status === 'fail');

  test('every shipped host is reached and scanned', () => {
    expect(run.record.hosts.length).toBe(listStateFiles(SHIPPED).length);
    expect(run.record.hosts.filter((h) => h.status !== 'ok').map((h) => `${h.name}: ${h.status} ${h.reason ?? ''}`)).toEqual([]);
  });

  test('the mix is meaningful: at least half the hosts are clean and at least one fails', () => {
    const bad = run.record.hosts.filter(failing);
    expect(bad.length).toBeGreaterThan(0);
    expect(run.record.hosts.length - bad.length).toBeGreaterThanOrEqual(run.record.hosts.length / 2);
  });

  test('hosts of each cloud are present, and a host of each cloud is clean', () => {
    for (const cloud of ['public', 'china', 'usgov']) {
      const hosts = run.record.hosts.filter((h) => h.cloud === cloud);
      expect(hosts.length, cloud).toBeGreaterThan(0);
      expect(hosts.some((h) => !failing(h)), cloud).toBe(true);
    }
  });

  test('every finding says why, and the exit code is 1 for the failures', () => {
    expect(unexplained(run.record)).toEqual([]);
    expect(run.scan.stderr).toBe('');
    expect(run.scan.code).toBe(exitCodeOf(run.record));
    expect(run.scan.code).toBe(1);
  });

  test('the workbook has its summary, hosts, findings, changes and run sheets', () => {
    const names = workbook.worksheets.map((w) => w.name);
    for (const sheet of ['Summary', 'Hosts', 'Findings', 'Changes', 'Run']) expect(names).toContain(sheet);
    expect(workbook.getWorksheet('Hosts')!.actualRowCount).toBe(run.record.hosts.length + 1);
  });

  test('the Findings sheet lists every failure with its remediation and a link to its source', () => {
    const ws = workbook.getWorksheet('Findings')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const rows: { host: string; check: string; status: string; remediation: string; source: ExcelJS.CellValue }[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      rows.push({
        host: String(row.getCell(col('Host')).value), check: String(row.getCell(col('Check id')).value),
        status: String(row.getCell(col('Status')).value), remediation: String(row.getCell(col('Remediation')).value ?? ''),
        source: row.getCell(col('Source')).value,
      });
    });
    const failures = run.record.hosts.flatMap((h) => h.checks.filter((c) => c.status === 'fail').map((c) => `${h.name}/${c.id}`)).sort();
    expect(rows.filter((r) => r.status === 'fail').map((r) => `${r.host}/${r.check}`).sort()).toEqual(failures);
    const catalogue = new Map(run.record.checks.map((c) => [c.id, c]));
    for (const r of rows.filter((x) => x.status === 'fail')) {
      expect(r.remediation.trim().length, r.check).toBeGreaterThan(0);
      expect(r.remediation).toBe(catalogue.get(r.check)?.remediation);
      expect(r.source).toEqual({ text: catalogue.get(r.check)?.source, hyperlink: catalogue.get(r.check)?.source });
      expect(String((r.source as ExcelJS.CellHyperlinkValue).hyperlink)).toMatch(/^https:\/\//);
    }
  });
});
