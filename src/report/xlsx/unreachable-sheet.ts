// Unreachable: hosts that were not (fully) scanned, and why.
import type ExcelJS from 'exceljs';
import type { RunRecord } from '../../record/run-record.js';
import { formatDuration } from '../format.js';
import { writeHeader, writeRow } from './sheet-kit.js';
import { addTableSheet, finishTableSheet } from './table-sheet.js';
import { STATUS_COLORS, WRAP, solidFill } from './styles.js';

export const UNREACHABLE_SHEET = 'Unreachable';
export const UNREACHABLE_COLUMNS = ['Host', 'Status', 'Reason', 'Address', 'Transport', 'Duration'];

export function writeUnreachableSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, record: RunRecord): void {
  const ws = addTableSheet(wb, UNREACHABLE_SHEET, record);
  ws.columns = [{ width: 24 }, { width: 12 }, { width: 70 }, { width: 16 }, { width: 10 }, { width: 10 }];
  let lastRow = writeHeader(ws, UNREACHABLE_COLUMNS);
  for (const host of record.hosts) {
    if (host.status === 'ok') continue;
    lastRow = writeRow(
      ws,
      [host.name, host.status, host.reason ?? '', host.address, host.transport, host.durationMs === undefined ? '' : formatDuration(host.durationMs)],
      { styles: [undefined, { fill: solidFill(STATUS_COLORS[host.status]!) }, { alignment: WRAP }] },
    );
  }
  finishTableSheet(ws, UNREACHABLE_COLUMNS.length, lastRow);
}
