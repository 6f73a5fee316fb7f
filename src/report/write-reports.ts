// Writes the report files of a run; one broken report never stops the others from being written.
import { dirname, join } from 'node:path';
import type { RunRecord } from '../record/run-record.js';
import { fileErrorText } from '../record/file-error.js';
import { makePrivateDir } from '../record/private-files.js';
import { openRunJsonStream, writeRunJsonStream } from './json.js';
import { writeJunitStream } from './junit.js';
import { writeHtmlReportStream } from './html/write-html.js';
import { writePdfReport, type PaperSize } from './pdf.js';
import { recordStream, wholeRun, type RunStream } from './run-stream.js';
import { writeWorkbookStream } from './xlsx/write-workbook.js';

export type ReportKind = 'xlsx' | 'json' | 'junit' | 'html' | 'pdf';

export interface WriteReportsOptions {
  /** Where default-named reports go. */
  outDir: string;
  /** Workbook path; default `<outDir>/fleet-scan-<runId>.xlsx`; `false` skips it. */
  xlsx?: string | false;
  /** Run record path; default `<outDir>/fleet-scan-<runId>.json`; `false` skips it. */
  json?: string | false;
  /** JUnit path; written only when given. */
  junit?: string;
  /** HTML report path; written only when given. */
  html?: string;
  /** PDF report path (the HTML report printed by Chromium); written only when given. */
  pdf?: string;
  /** The PDF's paper, landscape; default A4. */
  paper?: PaperSize;
}

export interface WriteReportsResult {
  /** Reports written, by kind. */
  paths: Partial<Record<ReportKind, string>>;
  /** One line per report that could not be written. */
  errors: string[];
}

/** A run id made safe for a file name. */
export function reportBaseName(runId: string): string {
  return `fleet-scan-${runId.replace(/[^A-Za-z0-9._-]+/g, '-')}`;
}

// Every writer reads the run as a stream, so a record read from a large file is never whole in memory;
// only the PDF, printed from the whole page, needs every host at once.
const WRITERS: Record<ReportKind, (run: RunStream, file: string, paper: PaperSize | undefined) => Promise<void>> = {
  xlsx: writeWorkbookStream,
  json: writeRunJsonStream,
  junit: writeJunitStream,
  html: (run, file) => writeHtmlReportStream(run, file),
  pdf: async (run, file, paper) => writePdfReport(await wholeRun(run), file, { paper }),
};

export async function writeReports(record: RunRecord, options: WriteReportsOptions): Promise<WriteReportsResult> {
  const base = join(options.outDir, reportBaseName(record.runId));
  // The JSON goes first: it is the record every other report can be rebuilt from.
  return writeEach(recordStream(record), [
    ['json', options.json === undefined ? `${base}.json` : options.json],
    ['xlsx', options.xlsx === undefined ? `${base}.xlsx` : options.xlsx],
    ['junit', options.junit],
    ['html', options.html],
    ['pdf', options.pdf],
  ], options.paper);
}

async function writeEach(run: RunStream, wanted: [ReportKind, string | false | undefined][], paper?: PaperSize): Promise<WriteReportsResult> {
  const result: WriteReportsResult = { paths: {}, errors: [] };
  for (const [kind, file] of wanted) {
    if (!file) continue;
    try {
      await makePrivateDir(dirname(file));
      await WRITERS[kind](run, file, paper);
      result.paths[kind] = file;
    } catch (error) {
      result.errors.push(`${kind} report not written to ${file}: ${fileErrorText(error)}`);
    }
  }
  return result;
}

export interface RebuildReportsOptions {
  xlsx?: string;
  junit?: string;
  html?: string;
  pdf?: string;
  paper?: PaperSize;
}

/** `fleet-scan report RUN.json [--xlsx FILE] [--junit FILE] [--html FILE] [--pdf FILE]`: reads the record and writes only what is asked. */
export async function rebuildReports(runJsonPath: string, options: RebuildReportsOptions): Promise<WriteReportsResult> {
  const read = await openRunJsonStream(runJsonPath);
  if (!read.ok) return { paths: {}, errors: [read.message] };
  return writeEach(read.stream, [
    ['xlsx', options.xlsx],
    ['junit', options.junit],
    ['html', options.html],
    ['pdf', options.pdf],
  ], options.paper);
}
