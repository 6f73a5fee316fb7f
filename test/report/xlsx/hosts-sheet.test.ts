import type ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_COLUMNS, HOST_DETAIL_COLUMNS } from '../../../src/report/xlsx/hosts-sheet.js';
import { syntheticRun } from '../../helpers/synthetic-run.js';
import { writeAndReadWorkbook, type WrittenWorkbook } from '../../helpers/workbook.js';
import { readSheetXml, readZipEntry } from '../../helpers/zip-entries.js';

let written: WrittenWorkbook | undefined;
afterEach(() => written?.cleanup());

describe('Hosts sheet', () => {
  it('has the host columns, then one column per check headed by the check id, then the host details', async () => {
    const record = syntheticRun({ hosts: 4, checks: 6 });
    written = await writeAndReadWorkbook(record);
    expect(written.rowValues('Hosts', 1)).toEqual([...HOST_COLUMNS, ...record.checks.map((c) => c.id), ...HOST_DETAIL_COLUMNS]);
  });

  it('writes one row per host with its status word under each check', async () => {
    const record = syntheticRun({ hosts: 60, checks: 8, unreachableRate: 0.1 });
    written = await writeAndReadWorkbook(record);
    const ws = written.sheet('Hosts');
    expect(ws.actualRowCount).toBe(61);
    record.hosts.forEach((host, i) => {
      const row = written!.rowValues('Hosts', i + 2);
      expect(row.slice(0, 3)).toEqual([host.name, host.cloud, host.status]);
      expect(row[3]).toBe(host.checks.filter((c) => c.status === 'fail').length);
      expect(row[4]).toBe(host.checks.filter((c) => c.status === 'warn').length);
      expect(row.slice(HOST_COLUMNS.length, HOST_COLUMNS.length + 8)).toEqual(host.checks.map((c) => c.status));
      expect(row[HOST_COLUMNS.length + 8]).toBe(host.address);
      expect(row[HOST_COLUMNS.length + 10]).toBe(host.reason);
    });
  });

  it('marks a check with no outcome on a host as not-run, never as pass', async () => {
    const record = syntheticRun({ hosts: 2, checks: 3 });
    record.hosts[0]!.checks = record.hosts[0]!.checks.slice(0, 1);
    written = await writeAndReadWorkbook(record);
    expect(written.rowValues('Hosts', 2).slice(HOST_COLUMNS.length + 1, HOST_COLUMNS.length + 3)).toEqual(['not-run', 'not-run']);
  });

  it('keeps host names and addresses that look like numbers as text', async () => {
    const record = syntheticRun({ hosts: 2, checks: 2 });
    record.hosts[0]!.name = '07670';
    record.hosts[0]!.address = '10.0.0.1';
    record.hosts[1]!.name = '1e5';
    written = await writeAndReadWorkbook(record);
    const ws = written.sheet('Hosts');
    expect(ws.getCell('A2').value).toBe('07670');
    expect(ws.getCell(2, HOST_COLUMNS.length + 3).value).toBe('10.0.0.1');
    expect(ws.getCell('A3').value).toBe('1e5');
  });

  it('freezes the header row and the host column and filters on the header', async () => {
    const record = syntheticRun({ hosts: 3, checks: 30 });
    written = await writeAndReadWorkbook(record);
    const ws = written.sheet('Hosts');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:AL1');
  });

  it('prints the name, counts and matrix one page wide, the header row and host column on every page', async () => {
    const record = syntheticRun({ hosts: 40, checks: 30 });
    written = await writeAndReadWorkbook(record);
    const xml = readSheetXml(written.file, 'Hosts');
    expect(xml).toMatch(/<pageSetup [^>]*orientation="landscape"[^>]*fitToWidth="1" fitToHeight="0"/);
    const names = (readZipEntry(written.file, 'xl/workbook.xml') ?? '').replaceAll('&apos;', "'");
    const sheetId = written.workbook.worksheets.findIndex((ws) => ws.name === 'Hosts');
    // The matrix ends at column AI (5 host columns + 30 checks); the details after it stay on screen only.
    expect(names).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="${sheetId}">'Hosts'!$A$1:$AI$41</definedName>`);
    expect(names).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${sheetId}">'Hosts'!$A:$A,'Hosts'!$1:$1</definedName>`);
  });

  it('colours statuses with conditional formatting rules, one per status word', async () => {
    const record = syntheticRun({ hosts: 10, checks: 30 });
    written = await writeAndReadWorkbook(record);
    // Read back by exceljs, though its typings do not declare the property.
    const formats = (written.sheet('Hosts') as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    const checks = formats.find((f) => f.ref === 'F2:AI11');
    expect(checks).toBeDefined();
    const words = checks!.rules.map((r) => ('formulae' in r ? r.formulae?.[0] : undefined));
    expect(words).toEqual(['"fail"', '"warn"', '"pass"', '"error"', '"skipped"', '"not-run"', '"waived"']);
    expect(formats.find((f) => f.ref === 'C2:C11')?.rules).toHaveLength(5);
    const xml = readSheetXml(written.file, 'Hosts');
    expect(xml).toContain('<cfRule type="cellIs" dxfId=');
  });
});
