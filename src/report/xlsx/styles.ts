// Colours and cell styles of the workbook, in one place so every sheet speaks the same colour language.
import type ExcelJS from 'exceljs';

/** Fill colour (ARGB) per status word: fail red, warn amber, pass green, broken purple, did-not-run grey, waived blue. */
export const STATUS_COLORS: Record<string, string> = {
  fail: 'FFF4B6B6',
  warn: 'FFFFE08A',
  pass: 'FFC6EFCE',
  ok: 'FFC6EFCE',
  error: 'FFD9C3F0',
  timeout: 'FFD9C3F0',
  unreachable: 'FFD9C3F0',
  skipped: 'FFE0E0E0',
  'not-run': 'FFE0E0E0',
  waived: 'FFBDD7EE',
};

/**
 * The workbook's font, merged under every font a style sets: a font without a name is drawn in whatever
 * the reader picks (LibreOffice picks a serif), and one without a size in its default size.
 */
export const BASE_FONT: Partial<ExcelJS.Font> = { name: 'Calibri', family: 2, size: 11 };

export function solidFill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } };
}

export const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FFFFFFFF' } },
  fill: solidFill('FF2F5496'),
  alignment: { vertical: 'middle' },
};

export const SECTION_FONT: Partial<ExcelJS.Font> = { bold: true, size: 12 };
export const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14 };
export const ALERT_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC00000' } };
export const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
export const TOP: Partial<ExcelJS.Alignment> = { vertical: 'top' };
export const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true };
