// Hosts: one row per host, one status column per check, coloured by conditional formatting.
import type ExcelJS from 'exceljs';
import type { RunRecord } from '../../record/run-record.js';
import { outcomeIndex } from '../summarize.js';
import { columnLetter, writeRow } from './sheet-kit.js';
import { HEADER_STYLE, STATUS_COLORS, solidFill } from './styles.js';

export const HOSTS_SHEET = 'Hosts';
export const HOST_COLUMNS = ['Host', 'Address', 'Cloud', 'Tags', 'Host status', 'Reason', 'Failed', 'Warned'];

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

export function writeHostsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, record: RunRecord): void {
  const checkIds = record.checks.map((c) => c.id);
  const width = HOST_COLUMNS.length + checkIds.length;
  const ws = wb.addWorksheet(HOSTS_SHEET, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  ws.columns = [
    { width: 24 }, { width: 16 }, { width: 9 }, { width: 16 }, { width: 12 }, { width: 40 }, { width: 8 }, { width: 8 },
    ...checkIds.map(() => ({ width: 9 })),
  ];
  // Check ids run vertically so thirty status columns stay narrow enough to read side by side.
  const longestId = Math.max(0, ...checkIds.map((id) => id.length));
  writeRow(ws, [...HOST_COLUMNS, ...checkIds], {
    rowStyle: HEADER_STYLE,
    styles: [...HOST_COLUMNS.map(() => undefined), ...checkIds.map(() => ({ ...HEADER_STYLE, alignment: { textRotation: 90, vertical: 'bottom' as const } }))],
    height: Math.max(20, Math.ceil(longestId * 6.5)),
  });

  for (const host of record.hosts) {
    const outcomes = outcomeIndex(host);
    let failed = 0;
    let warned = 0;
    const statuses = checkIds.map((id) => {
      const status = outcomes.get(id)?.status ?? 'not-run';
      if (status === 'fail') failed++;
      if (status === 'warn') warned++;
      return status;
    });
    writeRow(ws, [host.name, host.address, host.cloud, host.tags.join(', '), host.status, host.reason ?? '', failed, warned, ...statuses]);
  }

  const lastRow = Math.max(2, record.hosts.length + 1);
  ws.autoFilter = `A1:${columnLetter(width)}1`;
  ws.addConditionalFormatting({ ref: `E2:E${lastRow}`, rules: statusRules(['ok', 'unreachable', 'timeout', 'error', 'not-run']) });
  if (checkIds.length > 0) {
    ws.addConditionalFormatting({
      ref: `${columnLetter(HOST_COLUMNS.length + 1)}2:${columnLetter(width)}${lastRow}`,
      rules: statusRules(['fail', 'warn', 'pass', 'error', 'skipped', 'not-run', 'waived']),
    });
  }
  ws.commit();
}
