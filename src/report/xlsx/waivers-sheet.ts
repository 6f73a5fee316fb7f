// Waivers: every waiver of the run and whether it applied, expired or matched nothing.
import type ExcelJS from 'exceljs';
import type { RunRecord } from '../../record/run-record.js';
import { writeHeader, writeRow } from './sheet-kit.js';
import { addTableSheet, finishTableSheet } from './table-sheet.js';
import { ALERT_FONT, WRAP } from './styles.js';

export const WAIVERS_SHEET = 'Waivers';
export const WAIVER_COLUMNS = ['Host', 'Check', 'Justification', 'Owner', 'Expires', 'State', 'Matched'];

/** Written only when the run had waivers. */
export function writeWaiversSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, record: RunRecord): void {
  const ws = addTableSheet(wb, WAIVERS_SHEET, record);
  ws.columns = [{ width: 24 }, { width: 28 }, { width: 50 }, { width: 16 }, { width: 12 }, { width: 10 }, { width: 9 }];
  let lastRow = writeHeader(ws, WAIVER_COLUMNS);
  for (const w of record.waivers) {
    lastRow = writeRow(ws, [w.host, w.check, w.justification, w.owner, w.expires, w.state, w.matched], {
      styles: [undefined, undefined, { alignment: WRAP }, undefined, undefined, w.state === 'applied' ? undefined : { font: ALERT_FONT }],
    });
  }
  finishTableSheet(ws, WAIVER_COLUMNS.length, lastRow);
}
