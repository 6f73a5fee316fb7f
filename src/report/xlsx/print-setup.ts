// How every sheet prints: landscape, one page wide, header rows repeated on each page, a footer naming
// the sheet and the page, and a print area that ends where the data ends.
import type ExcelJS from 'exceljs';
import type { RunRecord } from '../../record/run-record.js';
import { columnLetter } from './sheet-kit.js';

export interface PrintLayout {
  /** Rows repeated at the top of every printed page, e.g. `1:1`. */
  titleRows?: string;
  /** Columns repeated at the left of every printed page, e.g. `A:A`. */
  titleColumns?: string;
  /** Pages tall: 1 squeezes the sheet onto one page; 0 (the default) takes as many pages as the rows need. */
  pagesTall?: number;
}

// Narrow margins (inches): the width goes to the columns.
export const PRINT_MARGINS = { left: 0.3, right: 0.3, top: 0.45, bottom: 0.55, header: 0.2, footer: 0.25 };

/** Footer text with Excel's codes escaped: a literal `&` is written `&&`. */
export function footerText(text: string): string {
  return text.replace(/&/g, '&&');
}

/** What the footer says about the run; it starts with a letter, so `&8` before it stays a font size of 8. */
export function printLabel(record: RunRecord): string {
  return `${record.tool.name}: ${record.pack.name} ${record.pack.version}, run ${record.runId}`;
}

/**
 * The `pageSetup` and `headerFooter` options of `addWorksheet`. They must be given when the sheet is added:
 * the streaming writer writes the sheet's properties (fit to page) before its first row.
 */
export function printOptions(label: string, layout: PrintLayout = {}): Pick<Partial<ExcelJS.AddWorksheetOptions>, 'pageSetup' | 'headerFooter'> {
  return {
    pageSetup: {
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: layout.pagesTall ?? 0,
      margins: PRINT_MARGINS,
      ...(layout.titleRows ? { printTitlesRow: layout.titleRows } : {}),
      ...(layout.titleColumns ? { printTitlesColumn: layout.titleColumns } : {}),
    },
    headerFooter: {
      // Sheet name left, page of pages centre, the run right: a loose page still says where it belongs.
      oddFooter: `&L&8&A&C&8Page &P of &N&R&8${footerText(label)}`,
    },
  };
}

/**
 * Prints columns 1..`columns` of rows 1..`rows`. Written as `A$1:I$40` because exceljs prefixes each corner
 * with `$`, which then makes the defined name fully absolute (`$A$1:$I$40`).
 */
export function setPrintArea(ws: ExcelJS.Worksheet, columns: number, rows: number): void {
  ws.pageSetup.printArea = `A$1:${columnLetter(Math.max(1, columns))}$${Math.max(1, rows)}`;
}
