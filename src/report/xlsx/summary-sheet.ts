// Summary: what management reads first — the verdict, run facts, counts, and checks ranked by impact.
import type ExcelJS from 'exceljs';
import { HOST_STATUSES, type CheckStatus } from '../../record/check-result.js';
import type { RunRecord } from '../../record/run-record.js';
import { formatDuration } from '../format.js';
import { runNotes } from '../run-notes.js';
import type { RunSummary } from '../summarize.js';
import { addDataBar } from './data-bar.js';
import { printLabel, printOptions, setPrintArea } from './print-setup.js';
import { utcText as utc, wrappedRowHeight, writeBlank, writeHeader, writeRow } from './sheet-kit.js';
import { ALERT_FONT, SECTION_FONT, STATUS_COLORS, TITLE_FONT, solidFill } from './styles.js';

export const SUMMARY_SHEET = 'Summary';
export const CHECK_TABLE_HEADERS = ['Check id', 'Title', 'Failed hosts', 'Warned', 'Passed', 'Skipped', 'Errors', 'Not run', 'Waived'];
/** The statuses counted in the check table's columns, in their order. */
const TABLE_STATUSES: CheckStatus[] = ['fail', 'warn', 'pass', 'skipped', 'error', 'not-run', 'waived'];
/** The first row of the check table counts every host × check result. */
export const ALL_CHECKS_LABEL = 'All checks';
/** Where the hosts-by-status block sits, beside the run facts (column D, counts in E). */
const HOST_BLOCK_COLUMN = 4;
const WIDTHS = [30, 56, ...TABLE_STATUSES.map(() => 13)];

export function writeSummarySheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, record: RunRecord, summary: RunSummary): void {
  // The whole sheet on one landscape page: facts and host counts side by side keep it short enough to read.
  const ws = wb.addWorksheet(SUMMARY_SHEET, {
    properties: { tabColor: { argb: 'FF2F5496' } },
    ...printOptions(printLabel(record), { pagesTall: 1 }),
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const lastColumn = WIDTHS.length;

  writeRow(ws, [`fleet-scan: ${record.pack.name} ${record.pack.version} readiness`], { styles: [{ font: TITLE_FONT }] });
  // The verdict wraps across the table's width rather than running off the printed page.
  writeRow(ws, [summary.verdict], {
    styles: [{ font: { bold: true, size: 12 }, alignment: { wrapText: true, vertical: 'top' } }],
    height: wrappedRowHeight([[summary.verdict, WIDTHS.reduce((a, b) => a + b, 0) * 0.85]]),
    mergeTo: lastColumn,
  });
  if (record.interrupted) {
    writeRow(ws, ['The run was interrupted: results are incomplete and hosts not reached are marked not-run.'], {
      styles: [{ font: ALERT_FONT }],
    });
  }
  writeBlank(ws);

  const facts: [string, string | number][] = [
    ['Started', utc(record.startedAt)],
    ['Finished', utc(record.finishedAt)],
    ['Duration', formatDuration(record.durationMs)],
    ['Run by', record.user],
    ['Controller', record.controller],
    ['Inventory', record.inventory.path],
    ['Pack', `${record.pack.name} ${record.pack.version}`],
    ['Hosts scanned', record.hosts.length],
    ['Run id', record.runId],
  ];
  for (const note of runNotes(record)) facts.push(['Note', note]);
  const gap = Array.from({ length: HOST_BLOCK_COLUMN - 3 }, () => undefined);
  writeRow(ws, ['Run', undefined, ...gap, 'Hosts by status'], { styles: [{ font: SECTION_FONT }, undefined, ...gap, { font: SECTION_FONT }] });
  for (let i = 0; i < Math.max(facts.length, HOST_STATUSES.length); i++) {
    const [label, value] = facts[i] ?? [undefined, undefined];
    const status = HOST_STATUSES[i];
    writeRow(ws, [label, value, ...gap, status, status && summary.hostCounts[status]], {
      styles: [
        { font: { bold: true } }, { alignment: { horizontal: 'left' } }, ...gap,
        status ? { fill: solidFill(STATUS_COLORS[status]!) } : undefined, { alignment: { horizontal: 'left' } },
      ],
    });
  }
  writeBlank(ws);

  writeRow(ws, ['Checks by impact'], { styles: [{ font: SECTION_FONT }] });
  writeHeader(ws, CHECK_TABLE_HEADERS);
  const all = writeRow(ws, [ALL_CHECKS_LABEL, 'host × check results', ...TABLE_STATUSES.map((s) => summary.checkCounts[s])], {
    rowStyle: { font: { bold: true } },
  });
  let lastRow = all;
  for (const check of summary.checks) {
    lastRow = writeRow(ws, [check.id, check.title, ...TABLE_STATUSES.map((s) => check.counts[s])]);
  }
  if (summary.checks.length > 0) addDataBar(ws, `C${all + 1}:C${lastRow}`, 'FFE06666');
  setPrintArea(ws, lastColumn, lastRow);
  ws.commit();
}
