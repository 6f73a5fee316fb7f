import { afterEach, describe, expect, it } from 'vitest';
import { summarizeRun } from '../../../src/report/summarize.js';
import { ALL_CHECKS_LABEL, CHECK_TABLE_HEADERS } from '../../../src/report/xlsx/summary-sheet.js';
import { syntheticRun } from '../../helpers/synthetic-run.js';
import { writeAndReadWorkbook, type WrittenWorkbook } from '../../helpers/workbook.js';
import { readSheetXml } from '../../helpers/zip-entries.js';

let written: WrittenWorkbook | undefined;
afterEach(() => written?.cleanup());

function findRow(w: WrittenWorkbook, first: string, column = 1): number {
  const ws = w.sheet('Summary');
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, column).value === first) return r;
  throw new Error(`no Summary row with ${first} in column ${column}`);
}

describe('Summary sheet', () => {
  it('states the verdict on the second row', async () => {
    const record = syntheticRun({ hosts: 80 });
    written = await writeAndReadWorkbook(record);
    expect(written.sheet('Summary').getCell('A2').value).toBe(summarizeRun(record).verdict);
  });

  it('says in red that the run was interrupted when it was', async () => {
    written = await writeAndReadWorkbook(syntheticRun({ hosts: 5, interrupted: true }));
    const cell = written.sheet('Summary').getCell('A3');
    expect(String(cell.value)).toMatch(/^The run was interrupted/);
    expect(cell.font?.color?.argb).toBe('FFC00000');
  });

  it('does not mention an interruption when the run completed', async () => {
    written = await writeAndReadWorkbook(syntheticRun({ hosts: 5 }));
    expect(written.sheet('Summary').getCell('A3').value).toBeNull();
  });

  it('lists run facts: who ran it, where, which inventory and pack, how many hosts', async () => {
    const record = syntheticRun({ hosts: 7 });
    written = await writeAndReadWorkbook(record);
    const value = (label: string) => written!.sheet('Summary').getCell(findRow(written!, label), 2).value;
    expect(value('Run by')).toBe(record.user);
    expect(value('Controller')).toBe('ctl01');
    expect(value('Inventory')).toBe('inventory/fleet.json');
    expect(value('Pack')).toBe('mars 1.0.0');
    expect(value('Hosts scanned')).toBe(7);
    expect(value('Duration')).toBe('4m 12s');
    expect(value('Started')).toBe('2026-11-25 08:00:00 UTC');
  });

  it('ranks checks by failing hosts, then warnings, with every status counted', async () => {
    const record = syntheticRun({ hosts: 150 });
    written = await writeAndReadWorkbook(record);
    const header = findRow(written, 'Check id');
    expect(written.rowValues('Summary', header)).toEqual(CHECK_TABLE_HEADERS);
    const rows = record.checks.map((_, i) => written!.rowValues('Summary', header + 2 + i));
    const fails = rows.map((r) => r[2] as number);
    expect(fails).toEqual([...fails].sort((a, b) => b - a));
    const top = summarizeRun(record).checks[0]!;
    expect(rows[0]).toEqual([
      top.id, top.title, top.counts.fail, top.counts.warn, top.counts.pass, top.counts.skipped, top.counts.error,
      top.counts['not-run'], top.counts.waived,
    ]);
    for (const row of rows) expect((row.slice(2) as number[]).reduce((a, b) => a + b, 0)).toBe(150);
  });

  it('counts hosts by host status beside the run facts', async () => {
    const record = syntheticRun({ hosts: 100, unreachableRate: 0.1 });
    written = await writeAndReadWorkbook(record);
    const row = findRow(written, 'unreachable', 4);
    expect(written.sheet('Summary').getCell(row, 5).value).toBe(record.hosts.filter((h) => h.status === 'unreachable').length);
    expect(findRow(written, 'ok', 4)).toBe(findRow(written, 'Started'));
  });

  it('opens the check table with every host × check result counted by status', async () => {
    const record = syntheticRun({ hosts: 60 });
    written = await writeAndReadWorkbook(record);
    const counts = summarizeRun(record).checkCounts;
    const row = written.rowValues('Summary', findRow(written, 'Check id') + 1);
    expect(row[0]).toBe(ALL_CHECKS_LABEL);
    expect(row.slice(2)).toEqual([counts.fail, counts.warn, counts.pass, counts.skipped, counts.error, counts['not-run'], counts.waived]);
    expect((row.slice(2) as number[]).reduce((a, b) => a + b, 0)).toBe(60 * record.checks.length);
  });

  it('wraps the verdict across the width of the check table', async () => {
    written = await writeAndReadWorkbook(syntheticRun({ hosts: 300 }));
    const xml = readSheetXml(written.file, 'Summary');
    expect(xml).toContain('<mergeCell ref="A2:I2"/>');
    expect(written.sheet('Summary').getCell('A2').alignment?.wrapText).toBe(true);
  });

  it('prints landscape on one page', async () => {
    written = await writeAndReadWorkbook(syntheticRun({ hosts: 20 }));
    const xml = readSheetXml(written.file, 'Summary');
    expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(xml).toMatch(/<pageSetup [^>]*orientation="landscape"[^>]*fitToWidth="1" fitToHeight="1"/);
  });

  it('puts a plain data bar on the failed-hosts column of the check table', async () => {
    const record = syntheticRun({ hosts: 20 });
    written = await writeAndReadWorkbook(record);
    const first = findRow(written, ALL_CHECKS_LABEL) + 1;
    const xml = readSheetXml(written.file, 'Summary');
    expect(xml).toContain(`<conditionalFormatting sqref="C${first}:C${first + record.checks.length - 1}"><cfRule type="dataBar"`);
    expect(xml).toMatch(/<dataBar><cfvo type="num" val="0"\/><cfvo type="max"\/><color rgb="FF[0-9A-F]{6}"\/><\/dataBar>/);
    // No dangling Excel 2010 extension reference (exceljs issue #3015).
    expect(xml).not.toContain('x14:id');
  });
});
