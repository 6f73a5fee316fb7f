// The PDF report: the HTML report printed by headless Chromium, landscape, on A4 or Letter.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunRecord } from '../record/run-record.js';
import { writeChunksAtomic } from './atomic-write.js';
import { launchBrowser, openReportFile } from './browser.js';
import { writeHtmlReport, type HtmlReportOptions } from './html/write-html.js';

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export interface PdfReportOptions extends HtmlReportOptions {
  paper?: PaperSize;
}

const FORMAT: Record<PaperSize, string> = { a4: 'A4', letter: 'Letter' };

/** Prints the HTML report of `record` to `file` (atomically). Throws a one-line error when Chromium is missing or fails. */
export async function writePdfReport(record: RunRecord, file: string, options: PdfReportOptions = {}): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), 'fleet-scan-pdf-'));
  try {
    const page = path.join(work, 'report.html');
    await writeHtmlReport(record, page, options);
    const launched = await launchBrowser();
    if (!launched.ok) throw new Error(launched.message);
    try {
      const opened = await openReportFile(launched.browser, page);
      // The bytes come back here, not through Chromium's own file write, so the file is created 0600 like every report.
      const pdf = await opened.page.pdf({
        format: FORMAT[options.paper ?? 'a4'],
        landscape: true,
        printBackground: true,
        margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' },
      });
      await writeChunksAtomic(file, [pdf]);
    } finally {
      await launched.browser.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
