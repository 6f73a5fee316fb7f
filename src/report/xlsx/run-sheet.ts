// Run: how the scan was run (parameters, versions, ids) and the catalogue of checks it used.
import type ExcelJS from 'exceljs';
import type { RunRecord } from '../../record/run-record.js';
import { formatDuration } from '../format.js';
import { printLabel, printOptions, setPrintArea } from './print-setup.js';
import { wrappedRowHeight, writeBlank, writeHeader, writeRow } from './sheet-kit.js';
import { LINK_FONT, SECTION_FONT, WRAP } from './styles.js';

export const RUN_SHEET = 'Run';
export const CATALOGUE_COLUMNS = ['Check id', 'Title', 'Phase', 'Severity', 'Clouds', 'Source'];

export function writeRunSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, record: RunRecord): void {
  const ws = wb.addWorksheet(RUN_SHEET, printOptions(printLabel(record)));
  const widths = [28, 50, 13, 9, 20, 62];
  ws.columns = widths.map((width) => ({ width }));
  const p = record.parameters;
  const facts: [string, string | number][] = [
    ['Run id', record.runId],
    ['Schema', record.schema],
    ['Tool', `${record.tool.name} ${record.tool.version}`],
    ['Pack', `${record.pack.name} ${record.pack.version}`],
    ['Inventory', record.inventory.path],
    ['Inventory key', record.inventory.key],
    ['Inventory hosts', record.inventory.hostCount],
    ['Concurrency', p.concurrency],
    ['Host deadline', formatDuration(p.deadlineMs)],
    ['Connect timeout', formatDuration(p.connectTimeoutMs)],
    ['Selected checks', p.checks === null ? 'all' : p.checks.join(', ')],
    ['Selected tags', p.tags === null ? 'all' : p.tags.join(', ')],
    ['Fail on', p.failOn],
    ['Interrupted', record.interrupted ? 'yes' : 'no'],
  ];
  writeRow(ws, ['Parameters'], { styles: [{ font: SECTION_FONT }] });
  for (const [label, value] of facts) writeRow(ws, [label, value], { styles: [{ font: { bold: true } }, { alignment: { horizontal: 'left' } }] });
  writeBlank(ws);

  writeRow(ws, ['Check catalogue'], { styles: [{ font: SECTION_FONT }] });
  let lastRow = writeHeader(ws, CATALOGUE_COLUMNS);
  for (const c of record.checks) {
    lastRow = writeRow(ws, [c.id, c.title, c.phase, c.severity, c.clouds.join(', '), { text: c.source, hyperlink: c.source }], {
      styles: [undefined, { alignment: WRAP }, undefined, undefined, undefined, { font: LINK_FONT }],
      height: wrappedRowHeight([[c.title, widths[1]!]]),
    });
  }
  setPrintArea(ws, CATALOGUE_COLUMNS.length, lastRow);
  ws.commit();
}
