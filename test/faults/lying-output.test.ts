// Remote output that lies, through the real command line: broken JSON, another host's report, checks nobody
// asked for, statuses the protocol lacks, a check reported twice, and terminal escapes in what a host says.
// `fleet-scan scan` runs as a child process (the built CLI) over real sshd; the liars are the fake remote
// shells of test/fixtures/hosts. Needs `npm run build`.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Lab } from '../../src/lab/index.js';
import type { RunRecord } from '../../src/record/run-record.js';
import { runCli, type CliRun } from '../cli/helpers/run-cli.js';
import { endLabTurn, takeLabTurn } from '../runner/helpers/lab-lock.js';
import { fakeShell, healthyInventoryVars, healthyStates, loadMarsInventory, writeInventory } from '../runner/helpers/scan-lab.js';
import { expectAllPass, expectFault, expectHealthy, expectJournalHoldsEveryHost, hostNamed, onlyFile, readRecord } from './helpers/fault-lab.js';

const BASE = '127.0.202';
/** Characters no sink may carry raw: C0 controls but tab and line feed, DEL, C1, bidi overrides and isolates. */
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Every cell of every sheet of a workbook, as text. */
async function workbookTexts(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const texts: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void texts.push(cell.text))));
  return texts;
}

describe.sequential('remote output that lies or carries terminal escapes, through fleet-scan scan', () => {
  let dir: string;
  let releaseLabTurn: (() => void) | undefined;
  let lab: Lab | undefined;
  let checkIds: string[];
  let run: CliRun;
  let out: string;
  let record: RunRecord;

  beforeAll(async () => {
    releaseLabTurn = await takeLabTurn();
    dir = mkdtempSync(path.join(tmpdir(), 'fs-faults-lies-'));
    lab = await startFleet({ dir: path.join(dir, 'lab'), base: BASE, count: 3, states: healthyStates(path.join(dir, 'states'), 3) });
    const h = lab.hosts;
    const file = writeInventory(path.join(dir, 'liars.json'), lab, [
      { name: 'healthy', address: h[0]!.address, transport: 'ssh', vars: healthyInventoryVars() },
      { name: 'honest-fake', address: h[1]!.address, shell: fakeShell('fake-powershell-honest.sh') },
      { name: 'bad-json', address: h[1]!.address, shell: fakeShell('fake-powershell-bad-json.sh') },
      { name: 'other-host', address: h[1]!.address, shell: fakeShell('fake-powershell-other-host.sh') },
      { name: 'unknown-check', address: h[2]!.address, shell: fakeShell('fake-powershell-unknown-check.sh') },
      { name: 'invalid-status', address: h[2]!.address, shell: fakeShell('fake-powershell-invalid-status.sh') },
      { name: 'duplicate-check', address: h[2]!.address, shell: fakeShell('fake-powershell-duplicate-check.sh') },
      { name: 'escapes-in-evidence', address: h[1]!.address, shell: fakeShell('fake-powershell-escapes-in-evidence.sh') },
      { name: 'escapes-in-noise', address: h[2]!.address, shell: fakeShell('fake-powershell-escapes-in-noise.sh') },
    ], { transport: 'ssh-exec' });
    const { pack } = await loadMarsInventory(file);
    checkIds = pack.checks.filter((c) => c.kind === 'host').map((c) => c.id).slice(0, 5);
    out = path.join(dir, 'out');
    run = await runCli([
      'scan', '-i', file, '--no-history', '-o', out, '--deadline', '60s', '--checks', checkIds.join(','),
      '--log', path.join(out, 'run.log.jsonl'), '--junit', path.join(out, 'run.junit.xml'), '--html', path.join(out, 'run.html'),
    ]);
    record = readRecord(onlyFile(out, '.json'));
  }, 720_000);

  afterAll(() => endLabTurn(releaseLabTurn, dir, lab));

  it('rejects each lie as error with its own one-line reason, trusts nothing else the liar said, and scans the honest hosts normally', () => {
    expect(run.code, run.stderr).toBe(5);
    const lies: Record<string, RegExp> = {
      'bad-json': /^remote output rejected: malformed check frame: not base64 JSON$/,
      'other-host': /^remote output rejected: report is for host "someone-else", not other-host$/,
      'unknown-check': /^remote output rejected: returned a check nobody asked for: mars-not-asked-for$/,
      'invalid-status': /^remote output rejected: invalid check result: status: /,
      'duplicate-check': new RegExp(`^remote output rejected: returned the same check twice: ${checkIds[0]}$`),
    };
    for (const [name, reason] of Object.entries(lies)) {
      const liar = hostNamed(record, name);
      expectFault(liar, 'error', 'rejected-output', reason);
      // A liar's frames before the lie are not trusted either: every check is not-run, none pass.
      expect(liar.checks.map((c) => c.status), name).toEqual(checkIds.map(() => 'not-run'));
    }
    expectFault(hostNamed(record, 'escapes-in-noise'), 'error', 'remote-crash', /^host wrote no report; it wrote: Get-Item : \u001b\[2J/);
    expectHealthy(hostNamed(record, 'healthy'), checkIds);
    expectAllPass(hostNamed(record, 'honest-fake'), checkIds);
    expectJournalHoldsEveryHost(onlyFile(out, '.journal.jsonl'), record);
  });

  it('keeps what a host said, escapes included, as data in the JSON record', () => {
    const evidence = hostNamed(record, 'escapes-in-evidence');
    expect(evidence.status).toBe('ok');
    expect(evidence.checks[0]).toMatchObject({ id: checkIds[0], status: 'fail', evidence: ['evidence \u001b[2J\u001b[31mred\u001b[0m\u0007 over\rwrite \u009b6n \u202eevil'] });
    // JSON writes the C0 controls as escapes itself: the file holds none raw.
    expect(readFileSync(onlyFile(out, '.json'), 'utf8')).not.toMatch(/[\u0000-\u0008\u000B-\u001F]/);
  });

  it('lets no escape or control character reach the console raw, and shows the host\'s words in the escaped form', () => {
    for (const [stream, text] of [['stdout', run.stdout], ['stderr', run.stderr]] as const) {
      expect(text, stream).not.toMatch(RAW_CONTROL);
    }
    // The reason is one line: the carriage return became a space; the rest shows in the escaped form.
    const visible = 'Get-Item : \\u001b[2J\\u001b[31mred\\u001b[0m\\u0007 over write \\u009b 6n \\u202eevil';
    expect(run.stdout).toContain(visible); // the summary's list of hosts that could not be scanned
    expect(run.stderr).toContain(`escapes-in-noise error: host wrote no report; it wrote: ${visible}`); // its progress line
  });

  it('lets none reach the run log, the workbook, the HTML report or the JUnit XML raw, and each shows the escaped form', async () => {
    const log = readFileSync(path.join(out, 'run.log.jsonl'), 'utf8');
    const html = readFileSync(path.join(out, 'run.html'), 'utf8');
    const junit = readFileSync(path.join(out, 'run.junit.xml'), 'utf8');
    const cells = await workbookTexts(onlyFile(out, '.xlsx'));
    for (const [sink, text] of [['log', log], ['html', html], ['junit', junit], ['xlsx', cells.join('\n')]] as const) {
      expect(text, sink).not.toMatch(RAW_CONTROL);
    }
    // The log holds reasons only; as JSON text, the escaped form's backslash is itself escaped.
    const noise = JSON.parse(log.split('\n').find((l) => l.includes('"escapes-in-noise"'))!);
    expect(noise.reason).toContain('\\u001b[2J\\u001b[31mred\\u001b[0m\\u0007 over write \\u009b 6n \\u202eevil');
    expect(html).toContain('evidence <span class="ctl">\\u001b</span>[2J<span class="ctl">\\u001b</span>[31mred');
    expect(junit).toContain('evidence \\u001b[2J\\u001b[31mred\\u001b[0m\\u0007 over\\u000dwrite \\u009b6n \\u202eevil');
    expect(cells).toContain('evidence \\u001b[2J\\u001b[31mred\\u001b[0m\\u0007 over\\u000dwrite \\u009b6n \\u202eevil');
  });
});
