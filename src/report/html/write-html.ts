// The HTML report: one self-contained file (no network, no CDN) that opens in any browser, reads on a
// phone and prints. Sections are written one after another, so a large fleet is never one huge string.
import type { RunRecord } from '../../record/run-record.js';
import { writeChunksAtomic } from '../atomic-write.js';
import { runDigest, type RunStream } from '../run-stream.js';
import { summarizeRun, type RunSummary } from '../summarize.js';
import { changesSection } from './changes-section.js';
import { checksSection } from './checks-section.js';
import { findingRows, findingsEnds, findingsSection } from './findings-table.js';
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

/** The page up to the findings: head, first screen. */
function* reportHead(record: RunRecord, summary: RunSummary, title: string): Generator<string> {
  yield pageStart(`${title} · run ${record.runId}`).text;
  yield firstScreen(record, summary, title).text;
  yield '\n';
}

/** The page after the findings. */
function* reportTail(record: RunRecord, summary: RunSummary): Generator<string> {
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

/** The report as chunks of HTML, in page order. */
function* htmlReportChunks(record: RunRecord, options: HtmlReportOptions = {}): Generator<string> {
  const summary = summarizeRun(record);
  const title = options.title ?? defaultTitle(record);
  yield* reportHead(record, summary, title);
  yield findingsSection(record).text;
  yield* reportTail(record, summary);
}

/**
 * The same chunks from a stream: every section from the run's digest (outcomes reduced to their status)
 * but the findings, whose rows are written host by host from one more read of the hosts.
 */
async function* htmlStreamChunks(stream: RunStream, options: HtmlReportOptions): AsyncGenerator<string> {
  const record = await runDigest(stream);
  const summary = summarizeRun(record);
  const title = options.title ?? defaultTitle(record);
  yield* reportHead(record, summary, title);
  const ends = findingsEnds(record);
  if ('none' in ends) yield ends.none.text;
  else {
    const checks = new Map(record.checks.map((c) => [c.id, c]));
    yield ends.open.text;
    let first = true;
    for await (const host of stream.hosts()) {
      for (const row of findingRows(checks, host)) {
        yield first ? row.text : `\n${row.text}`;
        first = false;
      }
    }
    yield ends.close.text;
  }
  yield* reportTail(record, summary);
}

/** The whole report as one string (tests, the PDF). */
export function renderHtmlReport(record: RunRecord, options: HtmlReportOptions = {}): string {
  return [...htmlReportChunks(record, options)].join('');
}

/** Writes the HTML report to `file` atomically. */
export async function writeHtmlReport(record: RunRecord, file: string, options: HtmlReportOptions = {}): Promise<void> {
  await writeChunksAtomic(file, htmlReportChunks(record, options));
}

/** Writes the HTML report of a streamed run: never more than the digest and one host's findings in memory. */
export async function writeHtmlReportStream(stream: RunStream, file: string, options: HtmlReportOptions = {}): Promise<void> {
  await writeChunksAtomic(file, htmlStreamChunks(stream, options));
}
