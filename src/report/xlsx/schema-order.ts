// exceljs 4.4 writes some elements out of the order the Office Open XML schemas give them (Excel may
// then "repair" the file, and Microsoft's Open XML SDK validator rejects it). After exceljs has written
// the workbook, its parts are copied into a second zip with those elements put in schema order.
import { Transform, type TransformCallback } from 'node:stream';
import { sheetDataStream } from './sheet-data-stream.js';
import { sortChildrenOf, sortSiblings } from './xml-siblings.js';
import { rewriteZip } from './zip-rewrite.js';

/** CT_Worksheet's sequence (ECMA-376 Part 1); exceljs puts hyperlinks before conditionalFormatting. */
export const WORKSHEET_CHILDREN = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts',
  'extLst',
] as const;

/**
 * A font's children in the order Excel writes them and the Open XML SDK requires (the ECMA schema allows any
 * order); exceljs writes `color`, `family` and `scheme` before `sz` and `name`.
 */
export const FONT_CHILDREN = [
  'b', 'i', 'strike', 'condense', 'extend', 'outline', 'shadow', 'u', 'vertAlign', 'sz', 'color', 'name', 'family',
  'charset', 'scheme',
] as const;

const WORKSHEET_OPEN = /<worksheet(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*>/;

/** The part of a worksheet before `<sheetData`, its children in schema order. */
export function orderWorksheetHead(xml: string): string {
  const open = WORKSHEET_OPEN.exec(xml);
  if (!open) throw new Error('worksheet part has no <worksheet> open tag before its sheet data');
  const end = open.index + open[0].length;
  return xml.slice(0, end) + sortSiblings(xml.slice(end), WORKSHEET_CHILDREN);
}

/** The part of a worksheet after `</sheetData>`, its children in schema order. */
export function orderWorksheetTail(xml: string): string {
  const close = xml.lastIndexOf('</worksheet>');
  if (close < 0 || xml.slice(close + '</worksheet>'.length).trim() !== '') throw new Error('worksheet part does not end with </worksheet>');
  return sortSiblings(xml.slice(0, close), WORKSHEET_CHILDREN) + '</worksheet>';
}

/** The styles part with every font's children (cell fonts and conditional-format fonts) in order. */
export function orderStyles(xml: string): string {
  return sortChildrenOf(xml, 'font', FONT_CHILDREN);
}

// A small part, read whole and rewritten by `fix`.
function wholePartStream(fix: (xml: string) => string): Transform {
  const chunks: Buffer[] = [];
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      chunks.push(chunk);
      done();
    },
    flush(done: TransformCallback) {
      try {
        this.push(fix(Buffer.concat(chunks).toString('utf8')));
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

/** The fix for one part of the package, by its zip entry name. */
export function schemaOrderFix(name: string): (() => Transform) | undefined {
  if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) return () => sheetDataStream({ head: orderWorksheetHead, tail: orderWorksheetTail });
  if (name === 'xl/styles.xml') return () => wholePartStream(orderStyles);
  return undefined;
}

/** Copies the workbook at `source` to `target` with every part exceljs misorders put in schema order. */
export function putWorkbookInSchemaOrder(source: string, target: string): Promise<void> {
  return rewriteZip(source, target, schemaOrderFix);
}
