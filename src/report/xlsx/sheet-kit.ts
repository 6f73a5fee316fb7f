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

type Style = Partial<ExcelJS.Style>;

// exceljs finds a cell's style id by the style object's identity and otherwise renders the style to XML to
// look it up: once per cell, most of the workbook's time at 100,000 hosts. So every cell of the same look
// gets the same object, an unstyled cell included (exceljs gives each a fresh `{}`).
const NO_STYLE: Style = {};
const NONE = {};
const merged = new WeakMap<object, WeakMap<object, Style[]>>();

/** The cells' styles for one `styles` array and `rowStyle`, made once and filled in as cells need them. */
function cellStyles(rowStyle: Style | undefined, styles: (Style | undefined)[] | undefined): Style[] {
  let byRowStyle = merged.get(styles ?? NONE);
  if (!byRowStyle) merged.set(styles ?? NONE, (byRowStyle = new WeakMap()));
  let list = byRowStyle.get(rowStyle ?? NONE);
  if (!list) byRowStyle.set(rowStyle ?? NONE, (list = []));
  return list;
}

function mergedStyle(rowStyle: Style | undefined, cellStyle: Style | undefined): Style {
  const style = { ...rowStyle, ...cellStyle };
  if (style.font) style.font = { ...BASE_FONT, ...style.font };
  return Object.keys(style).length > 0 ? style : NO_STYLE;
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
  const styles = cellStyles(options.rowStyle, options.styles);
  for (let i = 0; i < values.length; i++) row.getCell(i + 1).style = styles[i] ??= mergedStyle(options.rowStyle, options.styles?.[i]);
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

/** Bytes of sheet XML the zip may hold unwritten before the rows wait for it. */
const ZIP_BACKLOG_BYTES = 4 << 20;

/**
 * Lets the zip writer take what the rows wrote so far, once every `every` rows, and waits while it is
 * behind: exceljs hands a sheet's XML to the zip only when the event loop turns, and hands it over without
 * regard to back-pressure, so rows made faster than they are compressed pile up in memory (100,000 hosts:
 * 70 MB and more in the zip's input).
 */
export function rowPacer(ws: ExcelJS.Worksheet, every = 500): () => Promise<void> {
  let rows = 0;
  return async () => {
    if (++rows % every !== 0) return;
    await new Promise((resolve) => setImmediate(resolve));
    while (zipBacklog(ws) > ZIP_BACKLOG_BYTES) await new Promise((resolve) => setTimeout(resolve, 5));
  };
}

// exceljs' streaming worksheet writes into its own buffer, piped into the zip's entry stream (a
// readable-stream PassThrough, whose buffered length is only in its state object).
function zipBacklog(ws: ExcelJS.Worksheet): number {
  const pipes = (ws as unknown as { stream?: { pipes?: { _writableState?: { length?: number } }[] } }).stream?.pipes ?? [];
  return pipes.reduce((sum, pipe) => sum + (pipe._writableState?.length ?? 0), 0);
}
