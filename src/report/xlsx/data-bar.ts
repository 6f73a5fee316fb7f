// Data bars on a streaming worksheet, written by hand.
//
// exceljs 4.4 writes every dataBar rule with an `<extLst><x14:id>` pointing at an Excel 2010 extension
// block that its streaming writer never emits, which Excel may "repair" (exceljs issue #3015). The plain
// Excel 2007 form below is what the OOXML schema defines and every Excel and LibreOffice version renders.
import type ExcelJS from 'exceljs';

interface StreamingSheetInternals {
  _writeConditionalFormatting(): void;
  _write(text: string): void;
}

/**
 * Adds a data bar over `ref`, e.g. `C12:C41`, scaled from 0 to `max` (default: the range's largest value).
 * Bars on one sheet need distinct priorities.
 */
export function addDataBar(ws: ExcelJS.Worksheet, ref: string, argb: string, options: { priority?: number; max?: number } = {}): void {
  const sheet = ws as unknown as StreamingSheetInternals;
  if (typeof sheet._writeConditionalFormatting !== 'function' || typeof sheet._write !== 'function') {
    throw new Error('addDataBar needs an exceljs streaming worksheet (exceljs 4.4 internals changed)');
  }
  const writeOthers = sheet._writeConditionalFormatting.bind(sheet);
  const top = options.max === undefined ? '<cfvo type="max"/>' : `<cfvo type="num" val="${options.max}"/>`;
  const xml =
    `<conditionalFormatting sqref="${ref}"><cfRule type="dataBar" priority="${options.priority ?? 900}">` +
    `<dataBar><cfvo type="num" val="0"/>${top}<color rgb="${argb}"/></dataBar>` +
    `</cfRule></conditionalFormatting>`;
  // conditionalFormatting elements must be adjacent in the sheet XML, so ours follow exceljs' own.
  sheet._writeConditionalFormatting = () => {
    writeOthers();
    sheet._write(xml);
  };
}
