// Helpers for writing rows to a streaming worksheet: every string is cleaned and fitted to a cell,
// and every row is committed at once so 10,000 hosts never sit in memory as rows.
import type ExcelJS from 'exceljs';
import { cellText } from '../text.js';
import { BASE_FONT, HEADER_STYLE } from './styles.js';

export type Value = string | number | boolean | null | undefined | { text: string; hyperlink: string };

/** Column letter(s) for a 1-based column index: 1 -> A, 27 -> AA. */
export function columnLetter(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

// Empty text is an empty cell, not an empty string cell. Strings stay strings (`07670`, `10.0.0.1`): exceljs only makes numbers from JS numbers, so never convert here.
function toCellValue(value: Value): ExcelJS.CellValue {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') return cellText(value);
  if (typeof value === 'object') return { text: cellText(value.text), hyperlink: value.hyperlink };
  return value;
}

/**
 * Writes and commits one row and returns its number; `styles[i]` styles the i-th cell (0-based), `rowStyle` every
 * cell, and `mergeTo` merges the first cell across columns 1..mergeTo (a streaming row merges before its commit).
 */
export function writeRow(
  ws: ExcelJS.Worksheet,
  values: Value[],
  options: { styles?: (Partial<ExcelJS.Style> | undefined)[]; rowStyle?: Partial<ExcelJS.Style>; height?: number; mergeTo?: number } = {},
): number {
  const row = ws.addRow(values.map(toCellValue));
  if (options.height !== undefined) row.height = options.height;
  if (options.rowStyle || options.styles) {
    values.forEach((_, i) => {
      const style = { ...options.rowStyle, ...options.styles?.[i] };
      if (style.font) style.font = { ...BASE_FONT, ...style.font };
      if (Object.keys(style).length > 0) row.getCell(i + 1).style = style;
    });
  }
  if (options.mergeTo !== undefined && options.mergeTo > 1) ws.mergeCells(row.number, 1, row.number, options.mergeTo);
  row.commit();
  return row.number;
}

export function writeHeader(ws: ExcelJS.Worksheet, headers: string[]): number {
  return writeRow(ws, headers, { rowStyle: HEADER_STYLE });
}

/** A blank spacer row; returns its number. */
export function writeBlank(ws: ExcelJS.Worksheet): number {
  const row = ws.addRow([]);
  row.commit();
  return row.number;
}

/** `2026-11-25T08:00:00.000Z` as `2026-11-25 08:00:00 UTC`. */
export function utcText(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
}

const LINE_POINTS = 15;
const MAX_ROW_POINTS = 409;

/**
 * Height (points) that shows every line of the wrapped cells, or undefined for a one-line row.
 * Set explicitly because neither Excel nor LibreOffice reliably grows rows of a generated file on open.
 */
export function wrappedRowHeight(cells: [text: string, width: number][]): number | undefined {
  let lines = 1;
  for (const [text, width] of cells) {
    const perLine = Math.max(1, Math.floor(width * 1.1));
    let count = 0;
    for (const line of text.split('\n')) count += Math.max(1, Math.ceil(line.length / perLine));
    lines = Math.max(lines, count);
  }
  return lines === 1 ? undefined : Math.min(MAX_ROW_POINTS, lines * LINE_POINTS);
}

/**
 * Lets the zip writer take what the rows wrote so far, once every `every` rows: exceljs hands a sheet's
 * XML to the zip only when the event loop turns, so a loop that never yields holds the whole sheet in
 * memory (100,000 hosts: hundreds of MB).
 */
export function rowPacer(every = 500): () => Promise<void> {
  let rows = 0;
  return () => (++rows % every === 0 ? new Promise((resolve) => setImmediate(resolve)) : Promise.resolve());
}
