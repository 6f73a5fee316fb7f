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

describe('writeRow styles', () => {
  it('gives each cell the look of its own row and column, whatever rows of other looks came before', async () => {
    const red = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } } } as const;
    const styles = [undefined, red];
    const header = { font: { bold: true } };
    const scratch = await writeStreamingWorkbook((wb) => {
      const ws = wb.addWorksheet('s');
      writeRow(ws, ['h1', 'h2'], { rowStyle: header });
      writeRow(ws, ['a', 'b'], { styles });
      writeRow(ws, ['c', 'd'], { styles, rowStyle: header });
      writeRow(ws, ['e', 'f']);
      writeRow(ws, ['g', 'h'], { styles });
      ws.commit();
    });
    try {
      const read = new ExcelJS.Workbook();
      await read.xlsx.readFile(scratch.file);
      const sheet = read.getWorksheet('s')!;
      const look = (ref: string) => [Boolean(sheet.getCell(ref).font?.bold), (sheet.getCell(ref).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb ?? null];
      expect(['A1', 'B1', 'A2', 'B2', 'A3', 'B3', 'A4', 'B4', 'A5', 'B5'].map(look)).toEqual([
        [true, null], [true, null],
        [false, null], [false, 'FFFF0000'],
        [true, null], [true, 'FFFF0000'],
        [false, null], [false, null],
        [false, null], [false, 'FFFF0000'],
      ]);
    } finally {
      scratch.cleanup();
    }
  });
});

describe('rowPacer', () => {
  it('lets the event loop turn once every so many rows and not in between', async () => {
    const scratch = await writeStreamingWorkbook(async (wb) => {
      const ws = wb.addWorksheet('s');
      const pace = rowPacer(ws, 3);
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
      ws.commit();
    });
    scratch.cleanup();
  });

  it('holds the rows back while the zip is behind, so a large sheet never piles up in memory', async () => {
    // Rows of text that compresses badly, made far faster than deflate takes them: 40 MB in all.
    let seed = 7;
    const noise = () => Array.from({ length: 1000 }, () => String.fromCharCode(33 + ((seed = (seed * 48271) % 2147483647) % 90))).join('');
    const rows = Array.from({ length: 64 }, noise);
    let worst = 0;
    const scratch = await writeStreamingWorkbook(async (wb) => {
      const ws = wb.addWorksheet('s');
      const pace = rowPacer(ws, 100);
      // exceljs' sheet buffer is piped into the zip's entry stream; what that holds unwritten is the backlog.
      const backlog = () =>
        ((ws as unknown as { stream: { pipes: { _writableState: { length: number } }[] } }).stream.pipes ?? []).reduce((sum, p) => sum + p._writableState.length, 0);
      for (let i = 0; i < 40_000; i++) {
        writeRow(ws, [rows[i % rows.length]]);
        await pace();
        if (i % 100 === 99) worst = Math.max(worst, backlog());
      }
      ws.commit();
    });
    scratch.cleanup();
    // 4 MiB may wait in the zip; past that the next rows wait for it.
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThanOrEqual(4 << 20);
  });
});
