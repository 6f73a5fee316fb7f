// Trend: the last runs of the same inventory and pack, one row each, oldest first and this run last, with
// data bars in place of a chart (exceljs' streaming writer cannot write charts). Bar colours are deeper
// versions of the status fills: green ready, red failing, purple unreachable.
import type ExcelJS from 'exceljs';
import type { RunRecord } from '../../record/run-record.js';
import { addDataBar } from './data-bar.js';
import { columnLetter, utcText, writeHeader, writeRow } from './sheet-kit.js';
import { addTableSheet, finishTableSheet } from './table-sheet.js';

export const TREND_SHEET = 'Trend';
export const TREND_COLUMNS = ['Run id', 'Started', 'Hosts', 'Ready', 'Ready share', 'Failing', 'Unreachable', 'New failures'];
const WIDTHS = [26, 24, 8, 8, 13, 9, 13, 14];

/** Written only when the record carries a trend from the history. */
export function writeTrendSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, record: RunRecord): void {
  const points = record.trend ?? [];
  const ws = addTableSheet(wb, TREND_SHEET, record);
  ws.columns = WIDTHS.map((width) => ({ width }));
  const header = writeHeader(ws, TREND_COLUMNS);
  let lastRow = header;
  for (const p of points) {
    const current = p.runId === record.runId;
    lastRow = writeRow(
      ws,
      [p.runId, utcText(p.startedAt), p.hosts, p.readyHosts, p.hosts === 0 ? 0 : p.readyHosts / p.hosts, p.failingHosts, p.unreachableHosts, p.newFailures],
      { rowStyle: current ? { font: { bold: true } } : undefined, styles: [undefined, undefined, undefined, undefined, { numFmt: '0%' }] },
    );
  }
  if (points.length > 0) {
    const bar = (name: string, argb: string, priority: number, max?: number) => {
      const col = columnLetter(TREND_COLUMNS.indexOf(name) + 1);
      addDataBar(ws, `${col}${header + 1}:${col}${lastRow}`, argb, { priority, ...(max === undefined ? {} : { max }) });
    };
    bar('Ready share', 'FF63BE7B', 1, 1);
    bar('Failing', 'FFE06666', 2);
    bar('Unreachable', 'FF9E7BC8', 3);
    bar('New failures', 'FFE06666', 4);
  }
  finishTableSheet(ws, TREND_COLUMNS.length, lastRow);
}
