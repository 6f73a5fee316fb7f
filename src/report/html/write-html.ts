// The HTML report: one self-contained file (no network, no CDN) that opens in any browser, reads on a
// phone and prints. Sections are written one after another, so a large fleet is never one huge string.
import type { RunRecord } from '../../record/run-record.js';
import { writeChunksAtomic } from '../atomic-write.js';
import { summarizeRun } from '../summarize.js';
import { changesSection } from './changes-section.js';
import { checksSection } from './checks-section.js';
import { findingsSection } from './findings-table.js';
import { firstScreen } from './first-screen.js';
import { hostsSection } from './hosts-table.js';
import { pageEnd, pageStart } from './page.js';
import { runFactsSection, waiversSection } from './run-facts.js';
import { unreachableSection } from './unreachable-section.js';

export interface HtmlReportOptions {
  /** The page's heading and title; default "fleet-scan: <PACK> readiness". */
  title?: string;
}

function defaultTitle(record: RunRecord): string {
  return `fleet-scan: ${record.pack.name.toUpperCase()} readiness`;
}

/** The report as chunks of HTML, in page order. */
function* htmlReportChunks(record: RunRecord, options: HtmlReportOptions = {}): Generator<string> {
  const title = options.title ?? defaultTitle(record);
  const summary = summarizeRun(record);
  yield pageStart(`${title} · run ${record.runId}`).text;
  yield firstScreen(record, summary, title).text;
  yield '\n';
  yield findingsSection(record).text;
  yield '\n';
  yield hostsSection(record).text;
  yield '\n';
  yield unreachableSection(record).text;
  yield '\n';
  yield changesSection(record).text;
  yield '\n';
  yield checksSection(record, summary).text;
  yield '\n';
  yield waiversSection(record).text;
  yield runFactsSection(record).text;
  yield pageEnd().text;
}

/** The whole report as one string (tests, the PDF). */
export function renderHtmlReport(record: RunRecord, options: HtmlReportOptions = {}): string {
  return [...htmlReportChunks(record, options)].join('');
}

/** Writes the HTML report to `file` atomically. */
export async function writeHtmlReport(record: RunRecord, file: string, options: HtmlReportOptions = {}): Promise<void> {
  await writeChunksAtomic(file, htmlReportChunks(record, options));
}
