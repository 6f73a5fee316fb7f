import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { addDataBar } from '../../../src/report/xlsx/data-bar.js';
import { writeStreamingWorkbook, type ScratchWorkbook } from '../../helpers/workbook.js';
import { readSheetXml } from '../../helpers/zip-entries.js';

let scratch: ScratchWorkbook | undefined;
afterEach(() => scratch?.cleanup());

describe('addDataBar', () => {
  it('refuses a worksheet that is not an exceljs streaming worksheet', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('x');
    expect(() => addDataBar(ws, 'A1:A3', 'FFFF0000')).toThrow(/streaming worksheet/);
  });

  it('scales bars from 0 to the largest value, or to a fixed maximum, each with its own priority', async () => {
    scratch = await writeStreamingWorkbook((wb) => {
      const ws = wb.addWorksheet('s');
      for (const v of [1, 2, 3]) ws.addRow([v, v / 3]).commit();
      addDataBar(ws, 'A1:A3', 'FFE06666');
      addDataBar(ws, 'B1:B3', 'FF63BE7B', { priority: 7, max: 1 });
      ws.commit();
    });
    const xml = readSheetXml(scratch.file, 's');
    expect(xml).toContain('<conditionalFormatting sqref="A1:A3"><cfRule type="dataBar" priority="900"><dataBar><cfvo type="num" val="0"/><cfvo type="max"/><color rgb="FFE06666"/>');
    expect(xml).toContain('<conditionalFormatting sqref="B1:B3"><cfRule type="dataBar" priority="7"><dataBar><cfvo type="num" val="0"/><cfvo type="num" val="1"/><color rgb="FF63BE7B"/>');
  });
});
