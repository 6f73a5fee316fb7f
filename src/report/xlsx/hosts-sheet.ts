// Hosts: one row per host, one status column per check, coloured by conditional formatting.
//
// The matrix comes right after the host's name and counts, and the host's details after the matrix: on
// screen the statuses are visible without scrolling, and the print area (name, counts, matrix) fits one
// landscape page wide, with the details left to the Unreachable sheet and the screen.
import type ExcelJS from 'exceljs';
import type { RunRecord } from '../../record/run-record.js';
import { outcomeIndex } from '../summarize.js';
import { columnLetter, rowPacer, writeRow } from './sheet-kit.js';
import { addTableSheet, finishTableSheet } from './table-sheet.js';
import { HEADER_STYLE, STATUS_COLORS, solidFill } from './styles.js';

export const HOSTS_SHEET = 'Hosts';
/** Columns before the check matrix. */
export const HOST_COLUMNS = ['Host', 'Cloud', 'Host status', 'Failed', 'Warned'];
/** Columns after the check matrix (not printed). */
export const HOST_DETAIL_COLUMNS = ['Address', 'Tags', 'Reason'];

const HOST_WIDTHS = [20, 7, 9, 7, 7];
const DETAIL_WIDTHS = [16, 16, 50];
/** Wide enough for `skipped` and `not-run` in the matrix's 9-point font. */
const STATUS_WIDTH = 6.5;
const STATUS_STYLE: Partial<ExcelJS.Style> = { font: { size: 9 }, alignment: { horizontal: 'center' } };

/** One cellIs rule per status word; cellIs `equal` is understood by every Excel and LibreOffice version. */
function statusRules(words: string[]): ExcelJS.ConditionalFormattingRule[] {
  return words.map((word) => ({
    type: 'cellIs',
    operator: 'equal',
    formulae: [`"${word}"`],
    style: { fill: solidFill(STATUS_COLORS[word]!) },
    priority: 0,
  })) as ExcelJS.ConditionalFormattingRule[];
}

export async function writeHostsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, record: RunRecord): Promise<void> {
  const checkIds = record.checks.map((c) => c.id);
  const matrixEnd = HOST_COLUMNS.length + checkIds.length;
  const width = matrixEnd + HOST_DETAIL_COLUMNS.length;
  const ws = addTableSheet(wb, HOSTS_SHEET, record, { freezeColumns: 1, titleColumns: 'A:A' });
  ws.columns = [...HOST_WIDTHS, ...checkIds.map(() => STATUS_WIDTH), ...DETAIL_WIDTHS].map((w) => ({ width: w }));
  // Check ids run vertically so thirty status columns stay narrow enough to read side by side.
  const longestId = Math.max(0, ...checkIds.map((id) => id.length));
  const rotated = { ...HEADER_STYLE, alignment: { textRotation: 90, vertical: 'bottom' as const, horizontal: 'center' as const } };
  // The header row is tall for the rotated ids, so the other headers wrap instead of widening their columns.
  const wrapped = { ...HEADER_STYLE, alignment: { wrapText: true, vertical: 'bottom' as const } };
  writeRow(ws, [...HOST_COLUMNS, ...checkIds, ...HOST_DETAIL_COLUMNS], {
    rowStyle: wrapped,
    styles: [...HOST_COLUMNS.map(() => undefined), ...checkIds.map(() => rotated)],
    height: Math.max(20, Math.ceil(longestId * 5.8)),
  });

  const rowStyles = [...HOST_COLUMNS.map(() => undefined), ...checkIds.map(() => STATUS_STYLE)];
  const pace = rowPacer(ws);
  for (const host of record.hosts) {
    await pace();
    const outcomes = outcomeIndex(host);
    let failed = 0;
    let warned = 0;
    const statuses = checkIds.map((id) => {
      const status = outcomes.get(id)?.status ?? 'not-run';
      if (status === 'fail') failed++;
      if (status === 'warn') warned++;
      return status;
    });
    writeRow(ws, [host.name, host.cloud, host.status, failed, warned, ...statuses, host.address, host.tags.join(', '), host.reason ?? ''], {
      styles: rowStyles,
    });
  }

  const lastRow = Math.max(2, record.hosts.length + 1);
  const hostStatus = columnLetter(HOST_COLUMNS.indexOf('Host status') + 1);
  ws.addConditionalFormatting({ ref: `${hostStatus}2:${hostStatus}${lastRow}`, rules: statusRules(['ok', 'unreachable', 'timeout', 'error', 'not-run']) });
  if (checkIds.length > 0) {
    ws.addConditionalFormatting({
      ref: `${columnLetter(HOST_COLUMNS.length + 1)}2:${columnLetter(matrixEnd)}${lastRow}`,
      rules: statusRules(['fail', 'warn', 'pass', 'error', 'skipped', 'not-run', 'waived']),
    });
  }
  finishTableSheet(ws, width, record.hosts.length + 1, matrixEnd);
}
