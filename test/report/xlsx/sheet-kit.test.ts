import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnLetter, utcText, wrappedRowHeight, writeRow, rowPacer } from '../../../src/report/xlsx/sheet-kit.js';
import { writeStreamingWorkbook } from '../../helpers/workbook.js';

describe('columnLetter', () => {
  it('names columns the way spreadsheets do, past Z and past ZZ', () => {
    expect([1, 26, 27, 38, 52, 702, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AL', 'AZ', 'ZZ', 'AAA']);
  });
});

describe('wrappedRowHeight', () => {
  it('leaves one-line rows at the default height', () => {
    expect(wrappedRowHeight([['short', 20]])).toBeUndefined();
  });

  it('grows a row by 15 points per line, counting long lines that wrap', () => {
    expect(wrappedRowHeight([['a\nb\nc', 20]])).toBe(45);
    expect(wrappedRowHeight([['x'.repeat(40), 20], ['one', 10]])).toBe(30);
  });

  it('never asks for more than the 409 points Excel allows', () => {
    expect(wrappedRowHeight([['line\n'.repeat(200), 50]])).toBe(409);
  });
});

describe('utcText', () => {
  it('writes an ISO instant as date, time and UTC, with or without milliseconds', () => {
    expect(utcText('2026-11-25T08:00:00.000Z')).toBe('2026-11-25 08:00:00 UTC');
    expect(utcText('2026-11-25T08:00:05Z')).toBe('2026-11-25 08:00:05 UTC');
  });
});

describe('writeRow', () => {
  it('gives every font the workbook font and size unless the style sets them, and merges the first cell when asked', async () => {
    const rows: number[] = [];
    const scratch = await writeStreamingWorkbook((wb) => {
      const ws = wb.addWorksheet('s');
      rows.push(writeRow(ws, ['bold', 'small'], { styles: [{ font: { bold: true } }, { font: { size: 8 } }], mergeTo: 1 }));
      rows.push(writeRow(ws, ['wide'], { mergeTo: 3 }));
      ws.commit();
    });
    try {
      expect(rows).toEqual([1, 2]);
      const read = new ExcelJS.Workbook();
      await read.xlsx.readFile(scratch.file);
      const sheet = read.getWorksheet('s')!;
      expect(sheet.getCell('A1').font).toMatchObject({ bold: true, name: 'Calibri', size: 11 });
      expect(sheet.getCell('B1').font).toMatchObject({ name: 'Calibri', size: 8 });
      expect(sheet.getCell('C2').isMerged).toBe(true);
      expect(sheet.getCell('B1').isMerged).toBe(false);
    } finally {
      scratch.cleanup();
    }
  });
});

describe('rowPacer', () => {
  it('lets the event loop turn once every so many rows and not in between', async () => {
    const pace = rowPacer(3);
    let turned = 0;
    const count = async () => {
      const before = turned;
      setImmediate(() => turned++);
      await pace();
      const yielded = turned > before;
      await new Promise((r) => setImmediate(r));
      return yielded;
    };
    const results: boolean[] = [];
    for (let i = 0; i < 6; i++) results.push(await count());
    expect(results).toEqual([false, false, true, false, false, true]);
  });
});
