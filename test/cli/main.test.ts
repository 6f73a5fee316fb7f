// The CLI as a user meets it: usage errors, the catalogue, inventory commands and report rebuilding.
// Nothing here starts a lab. Needs `npm run build`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/pwsh.js';
import { syntheticRun } from '../helpers/synthetic-run.js';
import { expectNoStack, runCli } from './helpers/run-cli.js';

const EXAMPLE = path.join(REPO, 'inventory.example.json');

describe('fleet-scan usage errors', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'fs-h8-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cases: Array<[string, () => string[], RegExp]> = [
    ['--concurrency 0', () => ['scan', '-i', EXAMPLE, '--no-history', '--concurrency', '0'], /^fleet-scan: --concurrency: must be a whole number from 1 to 1024, got 0$/],
    ['--deadline abc', () => ['scan', '-i', EXAMPLE, '--no-history', '--deadline', 'abc'], /^fleet-scan: --deadline: must be a duration .*got "abc"$/],
    ['--connect-timeout 0', () => ['scan', '-i', EXAMPLE, '--no-history', '--connect-timeout', '0'], /^fleet-scan: --connect-timeout: /],
    ['--checks nope', () => ['scan', '-i', EXAMPLE, '--no-history', '--checks', 'nope'], /^fleet-scan: --checks: pack mars has no check "nope"/],
    ['a missing -i', () => ['scan', '--no-history'], /^fleet-scan: scan: give an inventory with -i FILE/],
    ['an unknown command', () => ['frobnicate'], /^fleet-scan: Unknown argument: frobnicate \(see: fleet-scan --help\)$/],
    ['a --paper that is not a choice', () => ['report', path.join(dir, 'x.json'), '--paper', 'a3'], /^fleet-scan: Invalid values: Argument: paper, Given: "a3", Choices: "a4", "letter" \(see: fleet-scan --help\)$/],
    ['an inventory path with a line break', () => ['scan', '-i', 'inv\n.json', '--no-history'], /^fleet-scan: inv\\n\.json: cannot read: no such file$/],
    ['an unknown --resume run', () => ['scan', '--resume', 'no-such-run', '-o', dir, '--no-history'], /^fleet-scan: --resume: no run journal for "no-such-run"/],
    ['a --host that matches nothing', () => ['scan', '-i', EXAMPLE, '--no-history', '--host', 'nobody'], /^fleet-scan: --host: no host in .* matches "nobody"$/],
    ['an unknown pack', () => ['checks', '--pack', 'nopack'], /^fleet-scan: .*nopack/],
    ['report with nothing to write', () => ['report', path.join(dir, 'x.json')], /^fleet-scan: report: say what to write/],
  ];
  for (const [what, args, message] of cases) {
    it(`exits 2 for ${what}, with one line naming it and no stack trace`, async () => {
      const run = await runCli(args());
      expect(run.code, run.stderr).toBe(2);
      const lines = run.stderr.trim().split('\n');
      expect(lines[0]).toMatch(message);
      expect(lines).toHaveLength(1);
      expect(expectNoStack(run.stderr)).toBe(true);
      expect(run.stdout).toBe('');
    });
  }

  it('exits 2 for a bad inventory with one line per problem naming the host and field', async () => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ hosts: [{ name: 'fs01', port: 99999 }, { name: 'fs02', transprt: 'ssh' }] }));
    const run = await runCli(['scan', '-i', file, '--no-history']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      `fleet-scan: ${file}: hosts[0] (fs01).port: must be 1-65535, got 99999`,
      `fleet-scan: ${file}: hosts[1] (fs02): unknown field "transprt" (did you mean "transport"?)`,
    ]);
  });

  it('exits 2 for an inventory that is not JSON, without a stack trace', async () => {
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{ "hosts": [ ');
    const run = await runCli(['inventory', 'check', file]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(file);
    expect(expectNoStack(run.stderr)).toBe(true);
  });
});

describe('fleet-scan checks and inventory', () => {
  it('lists the 31 checks of the MARS pack', async () => {
    const run = await runCli(['checks']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/\(mars \S+\): 31 checks$/);
    expect(run.stdout.split('\n').filter((l) => /^mars-/.test(l))).toHaveLength(31);
    const json = await runCli(['checks', '--json']);
    expect(JSON.parse(json.stdout).checks).toHaveLength(31);
  });

  it('validates the example inventory and lists its hosts', async () => {
    const run = await runCli(['inventory', 'check', EXAMPLE]);
    expect(run.code).toBe(0);
    const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { hosts: { name: string }[] };
    for (const h of example.hosts) expect(run.stdout).toMatch(new RegExp(`^${h.name}\\s`, 'm'));
    expect(run.stdout).toContain(`${EXAMPLE}: ${example.hosts.length} hosts, valid`);
  });

  it('prints the inventory JSON Schema, equal to the shipped inventory.schema.json', async () => {
    const run = await runCli(['inventory', 'schema']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(readFileSync(path.join(REPO, 'inventory.schema.json'), 'utf8')));
  });
});

describe('fleet-scan report', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'fs-h8-report-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rebuilds a workbook and JUnit from a run record without scanning', async () => {
    const record = syntheticRun({ hosts: 12, seed: 8 });
    const runFile = path.join(dir, 'run.json');
    writeFileSync(runFile, JSON.stringify(record));
    const xlsx = path.join(dir, 'again.xlsx');
    const junit = path.join(dir, 'again.xml');
    const run = await runCli(['report', runFile, '--xlsx', xlsx, '--junit', junit]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`wrote ${xlsx}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names.length).toBeGreaterThan(1);
    // Every host of the record is somewhere in the workbook.
    const cells = workbook.worksheets.flatMap((ws) => {
      const values: string[] = [];
      ws.eachRow((row) => row.eachCell((cell) => values.push(String(cell.text))));
      return values;
    });
    for (const h of record.hosts) expect(cells).toContain(h.name);
    expect(readFileSync(junit, 'utf8')).toContain('<testsuite');
  });

  it('exits 2 for a file that is not a run record', async () => {
    const bad = path.join(dir, 'not-a-run.json');
    writeFileSync(bad, '{"schema":"something-else"}');
    const run = await runCli(['report', bad, '--xlsx', path.join(dir, 'x.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')[0]).toContain(bad);
    expect(expectNoStack(run.stderr)).toBe(true);
  });
});
