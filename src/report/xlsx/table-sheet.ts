// A sheet that is one table with its header in row 1: the header frozen and filtered on screen, repeated
// on every printed page, and the print area ending at the table's last row.
import type ExcelJS from 'exceljs';
import type { RunRecord } from '../../record/run-record.js';
import { printLabel, printOptions, setPrintArea } from './print-setup.js';
import { columnLetter } from './sheet-kit.js';

export function addTableSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  record: RunRecord,
  layout: { freezeColumns?: number; titleColumns?: string } = {},
): ExcelJS.Worksheet {
  return wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: layout.freezeColumns ?? 0, ySplit: 1 }],
    ...printOptions(printLabel(record), { titleRows: '1:1', ...(layout.titleColumns ? { titleColumns: layout.titleColumns } : {}) }),
  });
}

/** Filters on the header over `columns`, prints columns 1..`printColumns` down to `lastRow`, and commits. */
export function finishTableSheet(ws: ExcelJS.Worksheet, columns: number, lastRow: number, printColumns = columns): void {
  ws.autoFilter = `A1:${columnLetter(columns)}1`;
  setPrintArea(ws, printColumns, lastRow);
  ws.commit();
}
