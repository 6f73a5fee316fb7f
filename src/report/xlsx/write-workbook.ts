// The Excel workbook, written with exceljs' streaming writer so 10,000 hosts fit in bounded memory.
import { rename, rm } from 'node:fs/promises';
import { privateWriteStream } from '../../record/private-files.js';
import type { RunRecord } from '../../record/run-record.js';
import { tempPathFor } from '../atomic-write.js';
import { recordStream, runDigest, type RunStream } from '../run-stream.js';
import { summarizeRun } from '../summarize.js';
import { writeChangesSheet } from './changes-sheet.js';
import { collectFindings, collectFindingsFrom, writeFindingsSheet } from './findings-sheet.js';
import { writeHostsSheet } from './hosts-sheet.js';
import { writeRunSheet } from './run-sheet.js';
import { putWorkbookInSchemaOrder } from './schema-order.js';
import { writeSummarySheet } from './summary-sheet.js';
import { writeTrendSheet } from './trend-sheet.js';
import { writeUnreachableSheet } from './unreachable-sheet.js';
import { writeWaiversSheet } from './waivers-sheet.js';
import { WorkbookWriterClass } from './workbook-writer.js';

/**
 * Writes the workbook to `file` (via temporary files, so a crash never leaves half a workbook): exceljs
 * writes one, and a copy of it with its parts in schema order becomes `file`.
 */
export async function writeWorkbook(record: RunRecord, file: string): Promise<void> {
  await writeWorkbookStream(recordStream(record), file);
}

/**
 * The same workbook from a stream: every sheet but Findings is written from the run's digest (outcomes
 * reduced to their status), Findings from one more read of the hosts that keeps only the findings.
 */
export async function writeWorkbookStream(stream: RunStream, file: string): Promise<void> {
  const record = await runDigest(stream);
  const findings = stream.record ? collectFindings(stream.record) : await collectFindingsFrom(stream.hosts());
  const raw = tempPathFor(file);
  const temp = tempPathFor(file);
  try {
    // Shared strings: without them exceljs writes t="str" cells, whose line breaks LibreOffice drops; the table
    // holds each distinct string once (status words repeat 300,000 times at 10,000 hosts).
    const wb = new WorkbookWriterClass({ stream: privateWriteStream(raw), useStyles: true, useSharedStrings: true });
    wb.creator = record.tool.name;
    wb.created = new Date(record.finishedAt);
    writeSummarySheet(wb, record, summarizeRun(record));
    if (record.trend && record.trend.length > 0) writeTrendSheet(wb, record);
    await writeHostsSheet(wb, record);
    await writeFindingsSheet(wb, record, findings);
    writeUnreachableSheet(wb, record);
    writeChangesSheet(wb, record);
    if (record.waivers.length > 0) writeWaiversSheet(wb, record);
    writeRunSheet(wb, record);
    await wb.commit();
    await putWorkbookInSchemaOrder(raw, temp);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    await rm(raw, { force: true });
  }
}
