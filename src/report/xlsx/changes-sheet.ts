// Changes: what is different from the previous run of the same inventory, new failures first.
import type ExcelJS from 'exceljs';
import type { RunRecord } from '../../record/run-record.js';
import { sortChanges } from '../changes.js';
import { setPrintArea } from './print-setup.js';
import { writeHeader, writeRow } from './sheet-kit.js';
import { addTableSheet, finishTableSheet } from './table-sheet.js';
import { WRAP } from './styles.js';

export const CHANGES_SHEET = 'Changes';
export const CHANGE_COLUMNS = ['Kind', 'Host', 'Check', 'Before', 'After', 'Detail'];
export const NO_PREVIOUS_RUN = 'No previous run of this inventory to compare with.';

export function writeChangesSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, record: RunRecord): void {
  const ws = addTableSheet(wb, CHANGES_SHEET, record);
  if (record.changes === null) {
    ws.columns = [{ width: 60 }];
    writeRow(ws, [NO_PREVIOUS_RUN]);
    setPrintArea(ws, 1, 1);
    ws.commit();
    return;
  }
  ws.columns = [{ width: 18 }, { width: 24 }, { width: 28 }, { width: 12 }, { width: 12 }, { width: 70 }];
  let lastRow = writeHeader(ws, CHANGE_COLUMNS);
  for (const change of sortChanges(record.changes.changes)) {
    lastRow = writeRow(ws, [change.kind, change.host, change.check ?? '', change.before ?? '', change.after ?? '', change.detail], {
      styles: [undefined, undefined, undefined, undefined, undefined, { alignment: WRAP }],
    });
  }
  finishTableSheet(ws, CHANGE_COLUMNS.length, lastRow);
}
