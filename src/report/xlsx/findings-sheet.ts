// Findings: one row per host and non-passing check (fail, error, warn, waived), worst first.
//
// Status colours here are plain cell fills, written with each row. (exceljs' streaming writer puts <hyperlinks>
// before <conditionalFormatting>, exceljs PR #2803; schema-order.ts now puts them back in order.)
import type ExcelJS from 'exceljs';
import type { CheckMetadata } from '../../record/check-metadata.js';
import type { CheckOutcome } from '../../record/check-result.js';
import type { HostResult, RunRecord } from '../../record/run-record.js';
import { rowPacer, wrappedRowHeight, writeHeader, writeRow, type Value } from './sheet-kit.js';
import { addTableSheet, finishTableSheet } from './table-sheet.js';
import { LINK_FONT, STATUS_COLORS, TOP, WRAP, solidFill } from './styles.js';

export const FINDINGS_SHEET = 'Findings';
export const FINDING_COLUMNS = [
  'Host', 'Cloud', 'Check id', 'Title', 'Severity', 'Status', 'Summary', 'Evidence', 'Remediation', 'Source',
  'Waiver justification', 'Waiver expires',
];

/** Order of statuses on the sheet: what breaks first, what was accepted last. */
export const FINDING_STATUS_ORDER = ['fail', 'error', 'warn', 'waived'] as const;
const rank = new Map<string, number>(FINDING_STATUS_ORDER.map((s, i) => [s, i]));

interface Finding {
  host: Pick<HostResult, 'name' | 'cloud'>;
  outcome: CheckOutcome;
}

export function collectFindings(record: RunRecord): Finding[] {
  const findings: Finding[] = [];
  for (const host of record.hosts) addFindings(findings, host);
  return sortFindings(findings);
}

/** The same list from hosts read one at a time: each finding keeps its outcome and only its host's name and cloud. */
export async function collectFindingsFrom(hosts: AsyncIterable<HostResult>): Promise<Finding[]> {
  const findings: Finding[] = [];
  for await (const host of hosts) addFindings(findings, host);
  return sortFindings(findings);
}

function addFindings(findings: Finding[], host: HostResult): void {
  const who = { name: host.name, cloud: host.cloud };
  for (const outcome of host.checks) if (rank.has(outcome.status)) findings.push({ host: who, outcome });
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      rank.get(a.outcome.status)! - rank.get(b.outcome.status)! ||
      (a.outcome.id < b.outcome.id ? -1 : a.outcome.id > b.outcome.id ? 1 : 0) ||
      (a.host.name < b.host.name ? -1 : a.host.name > b.host.name ? 1 : 0),
  );
}

/** `findings` default to the record's own; a streamed run passes them (collectFindingsFrom). */
export async function writeFindingsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, record: RunRecord, findings: Finding[] = collectFindings(record)): Promise<void> {
  const catalogue = new Map<string, CheckMetadata>(record.checks.map((c) => [c.id, c]));
  const ws = addTableSheet(wb, FINDINGS_SHEET, record, { freezeColumns: 1 });
  // Narrow enough that twelve columns print one landscape page wide; long text wraps instead.
  const widths = [18, 7, 26, 24, 9, 8, 28, 32, 36, 24, 24, 13];
  ws.columns = widths.map((width) => ({ width }));
  const wrapped = ['Title', 'Summary', 'Evidence', 'Remediation', 'Waiver justification'];
  const wrappedColumns = wrapped.map((name) => FINDING_COLUMNS.indexOf(name));
  writeHeader(ws, FINDING_COLUMNS);

  const styles: Partial<ExcelJS.Style>[] = FINDING_COLUMNS.map((name) =>
    // A link does not wrap (LibreOffice never breaks one): it runs on into the empty waiver cells beside it.
    wrapped.includes(name) ? { alignment: WRAP } : name === 'Source' ? { alignment: TOP, font: LINK_FONT } : { alignment: TOP },
  );
  const statusColumn = FINDING_COLUMNS.indexOf('Status');
  const statusStyles = new Map(
    FINDING_STATUS_ORDER.map((s) => [s, styles.map((st, i) => (i === statusColumn ? { ...st, fill: solidFill(STATUS_COLORS[s]!) } : st))]),
  );

  let lastRow = 1;
  const pace = rowPacer(ws);
  for (const { host, outcome } of findings) {
    await pace();
    const check = catalogue.get(outcome.id);
    const evidence = outcome.reason && outcome.status === 'error' ? [outcome.reason, ...outcome.evidence] : outcome.evidence;
    const values: Value[] = [
        host.name,
        host.cloud,
        outcome.id,
        check?.title ?? '',
        check?.severity ?? '',
        outcome.status,
        outcome.summary,
        evidence.join('\n'),
        check?.remediation ?? '',
        check ? { text: check.source, hyperlink: check.source } : '',
        outcome.waiver?.justification ?? '',
        outcome.waiver?.expires ?? '',
    ];
    lastRow = writeRow(ws, values, {
      styles: statusStyles.get(outcome.status as (typeof FINDING_STATUS_ORDER)[number]),
      height: wrappedRowHeight(wrappedColumns.map((i) => [String(values[i] ?? ''), widths[i]!])),
    });
  }
  finishTableSheet(ws, FINDING_COLUMNS.length, lastRow);
}
