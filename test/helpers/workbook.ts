// Writes a run record's workbook into a fresh temporary folder and reads it back with exceljs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { RunRecord } from '../../src/record/run-record.js';
import { writeWorkbook } from '../../src/report/xlsx/write-workbook.js';

export interface WrittenWorkbook {
  file: string;
  workbook: ExcelJS.Workbook;
  sheet(name: string): ExcelJS.Worksheet;
  /** Values of one row as an array (index 0 = column A), as read back from the file. */
  rowValues(sheet: string, row: number): unknown[];
  cleanup(): void;
}

export async function writeAndReadWorkbook(record: RunRecord): Promise<WrittenWorkbook> {
  const dir = mkdtempSync(join(tmpdir(), 'fleet-scan-xlsx-'));
  const file = join(dir, 'run.xlsx');
  await writeWorkbook(record, file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = (name: string) => {
    const ws = workbook.getWorksheet(name);
    if (!ws) throw new Error(`no sheet named ${name}`);
    return ws;
  };
  return {
    file,
    workbook,
    sheet,
    rowValues: (name, row) => (sheet(name).getRow(row).values as unknown[]).slice(1),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
