// Summary: what management reads first — the verdict, run facts, counts, and checks ranked by impact.
import type ExcelJS from 'exceljs';
import { CHECK_STATUSES, HOST_STATUSES } from '../../record/check-result.js';
import type { RunRecord } from '../../record/run-record.js';
import { formatDuration } from '../format.js';
import type { RunSummary } from '../summarize.js';
import { addDataBar } from './data-bar.js';
import { writeBlank, writeHeader, writeRow } from './sheet-kit.js';
import { ALERT_FONT, SECTION_FONT, STATUS_COLORS, TITLE_FONT, solidFill } from './styles.js';

export const SUMMARY_SHEET = 'Summary';
export const CHECK_TABLE_HEADERS = ['Check id', 'Title', 'Failed hosts', 'Warned', 'Passed', 'Skipped', 'Errors', 'Not run', 'Waived'];

const utc = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');

export function writeSummarySheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, record: RunRecord, summary: RunSummary): void {
  const ws = wb.addWorksheet(SUMMARY_SHEET, {
    properties: { tabColor: { argb: 'FF2F5496' } },
    // One page wide when printed or exported to PDF.
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 30 }, { width: 62 }, ...CHECK_TABLE_HEADERS.slice(2).map(() => ({ width: 12 }))];

  writeRow(ws, [`fleet-scan: ${record.pack.name} ${record.pack.version} readiness`], { styles: [{ font: TITLE_FONT }] });
  writeRow(ws, [summary.verdict], { styles: [{ font: { bold: true, size: 12 } }] });
  if (record.interrupted) {
    writeRow(ws, ['The run was interrupted: results are incomplete and hosts not reached are marked not-run.'], {
      styles: [{ font: ALERT_FONT }],
    });
  }
  writeBlank(ws);

  writeRow(ws, ['Run'], { styles: [{ font: SECTION_FONT }] });
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
  const staged = record.hosts.filter((h) => h.staged).length;
  if (staged > 0) facts.push(['Staged lab hosts', `${staged}: their Windows state came from state files (a lab), not from real Windows machines`]);
  for (const [label, value] of facts) writeRow(ws, [label, value], { styles: [{ font: { bold: true } }, { alignment: { horizontal: 'left' } }] });
  writeBlank(ws);

  writeRow(ws, ['Hosts by status', 'Hosts'], { styles: [{ font: SECTION_FONT }, { font: SECTION_FONT }] });
  for (const status of HOST_STATUSES) {
    writeRow(ws, [status, summary.hostCounts[status]], { styles: [{ fill: solidFill(STATUS_COLORS[status]!) }, { alignment: { horizontal: 'left' } }] });
  }
  writeBlank(ws);

  writeRow(ws, ['Checks by status', 'Host × check results'], { styles: [{ font: SECTION_FONT }, { font: SECTION_FONT }] });
  for (const status of CHECK_STATUSES) {
    writeRow(ws, [status, summary.checkCounts[status]], { styles: [{ fill: solidFill(STATUS_COLORS[status]!) }, { alignment: { horizontal: 'left' } }] });
  }
  writeBlank(ws);

  writeRow(ws, ['Checks by impact'], { styles: [{ font: SECTION_FONT }] });
  const firstRow = writeHeader(ws, CHECK_TABLE_HEADERS) + 1;
  for (const check of summary.checks) {
    const c = check.counts;
    writeRow(ws, [check.id, check.title, c.fail, c.warn, c.pass, c.skipped, c.error, c['not-run'], c.waived]);
  }
  const lastRow = firstRow + summary.checks.length - 1;
  if (summary.checks.length > 0) addDataBar(ws, `C${firstRow}:C${lastRow}`, 'FFE06666');
  ws.commit();
}
