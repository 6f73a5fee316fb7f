import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { addDataBar } from '../../../src/report/xlsx/data-bar.js';

describe('addDataBar', () => {
  it('refuses a worksheet that is not an exceljs streaming worksheet', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('x');
    expect(() => addDataBar(ws, 'A1:A3', 'FFFF0000')).toThrow(/streaming worksheet/);
  });
});
