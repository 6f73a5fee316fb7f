import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FONT_CHILDREN, WORKSHEET_CHILDREN, orderStyles, orderWorksheetHead, orderWorksheetTail, putWorkbookInSchemaOrder, schemaOrderFix,
} from '../../../src/report/xlsx/schema-order.js';
import { splitSiblings } from '../../../src/report/xlsx/xml-siblings.js';
import { syntheticRun } from '../../helpers/synthetic-run.js';
import { validateWithOpenXmlSdk, writeAndReadWorkbook, writeStreamingWorkbook, type ScratchWorkbook, type WrittenWorkbook } from '../../helpers/workbook.js';
import { readSheetXml, readZipEntry } from '../../helpers/zip-entries.js';

let scratch: ScratchWorkbook | undefined;
let written: WrittenWorkbook | undefined;
afterEach(() => {
  scratch?.cleanup();
  written?.cleanup();
  scratch = written = undefined;
});

/** The names of a worksheet part's top-level children, in document order. */
function worksheetChildren(xml: string): string[] {
  const inner = xml.slice(xml.indexOf('>', xml.indexOf('<worksheet')) + 1, xml.lastIndexOf('</worksheet>'));
  return splitSiblings(inner).map((e) => e.name);
}

const inSchemaOrder = (names: string[], order: readonly string[]) => {
  const ranks = names.map((n) => order.indexOf(n));
  return !ranks.includes(-1) && ranks.every((r, i) => i === 0 || r >= ranks[i - 1]!);
};

/** A workbook straight from exceljs' streaming writer, with a hyperlink and a conditional format on one sheet. */
function rawExcelJsWorkbook(): Promise<ScratchWorkbook> {
  return writeStreamingWorkbook((wb) => {
    const ws = wb.addWorksheet('s');
    ws.addRow([{ text: 'link', hyperlink: 'https://example.org/' }]).commit();
    ws.addConditionalFormatting({ ref: 'A1', rules: [{ type: 'cellIs', operator: 'equal', formulae: ['"x"'], style: {}, priority: 1 }] });
    ws.commit();
  });
}

describe('exceljs 4.4 as the workbook writer', () => {
  it('still writes hyperlinks before conditional formatting and a font size after its colour (so the fix is needed)', async () => {
    scratch = await rawExcelJsWorkbook();
    const file = scratch.file;
    const names = worksheetChildren(readSheetXml(file, 's'));
    expect(names.indexOf('hyperlinks')).toBeLessThan(names.indexOf('conditionalFormatting'));
    expect(readZipEntry(file, 'xl/styles.xml')).toMatch(/<font><color theme="1"\/>.*?<sz val="11"\/>/);
  });
});

describe('putWorkbookInSchemaOrder', () => {
  it("turns exceljs' raw output, which the Open XML SDK rejects, into a workbook it accepts", async () => {
    scratch = await rawExcelJsWorkbook();
    const raw = scratch.file;
    const fixed = join(dirname(raw), 'fixed.xlsx');
    const before = validateWithOpenXmlSdk(raw);
    expect(before.code).toBe(1);
    // Each error names the part, the element's path and what is wrong with it.
    expect(before.errors).toContainEqual(expect.stringMatching(/ \/xl\/styles\.xml \/x:styleSheet\[1\]\/x:fonts\[1\]\/x:font\[1\]: .*sz/));
    expect(before.errors).toContainEqual(expect.stringMatching(/ \/xl\/worksheets\/sheet1\.xml \/x:worksheet\[1\]: .*conditionalFormatting/));
    await putWorkbookInSchemaOrder(raw, fixed);
    expect(validateWithOpenXmlSdk(fixed)).toMatchObject({ code: 0, errors: [] });
  }, 60_000);
});

describe('orderWorksheetTail', () => {
  it('puts conditional formatting before hyperlinks and keeps print settings in their order', () => {
    const tail =
      '<autoFilter ref="A1:B1"/><hyperlinks><hyperlink ref="A2" r:id="rId1"/></hyperlinks>' +
      '<conditionalFormatting sqref="A2"><cfRule type="cellIs" dxfId="0" priority="1" operator="equal"><formula>"fail"</formula></cfRule></conditionalFormatting>' +
      '<conditionalFormatting sqref="B2"><cfRule type="dataBar" priority="2"/></conditionalFormatting>' +
      '<pageMargins left="0.3"/><pageSetup orientation="landscape"/><headerFooter><oddFooter>&amp;A</oddFooter></headerFooter></worksheet>';
    const fixed = orderWorksheetTail(tail);
    expect(worksheetChildren(`<worksheet>${fixed}`)).toEqual([
      'autoFilter', 'conditionalFormatting', 'conditionalFormatting', 'hyperlinks', 'pageMargins', 'pageSetup', 'headerFooter',
    ]);
    expect(fixed.indexOf('sqref="A2"')).toBeLessThan(fixed.indexOf('sqref="B2"'));
    expect(fixed.endsWith('</worksheet>')).toBe(true);
  });

  it('refuses a tail that does not close the worksheet', () => {
    expect(() => orderWorksheetTail('<pageSetup/>')).toThrow(/does not end with <\/worksheet>/);
  });
});

describe('orderWorksheetHead', () => {
  it('keeps the declaration and the worksheet open tag, and orders the children after it', () => {
    const head = '<?xml version="1.0"?><worksheet xmlns="m" a="x>y"><cols/><sheetViews/><sheetPr/>';
    expect(orderWorksheetHead(head)).toBe('<?xml version="1.0"?><worksheet xmlns="m" a="x>y"><sheetPr/><sheetViews/><cols/>');
  });
});

describe('orderStyles', () => {
  it("writes each font's children in the order Excel and the Open XML SDK expect", () => {
    const xml = '<fonts count="1"><font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font></fonts>';
    expect(orderStyles(xml)).toBe('<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>');
  });
});

describe('schemaOrderFix', () => {
  it('fixes worksheets and styles and copies every other part as it is', () => {
    expect(schemaOrderFix('xl/worksheets/sheet3.xml')).toBeTypeOf('function');
    expect(schemaOrderFix('xl/styles.xml')).toBeTypeOf('function');
    for (const name of ['xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/worksheets/_rels/sheet1.xml.rels', '[Content_Types].xml']) {
      expect(schemaOrderFix(name)).toBeUndefined();
    }
  });
});

describe('the written workbook', () => {
  it('has every worksheet and every font in schema order', async () => {
    written = await writeAndReadWorkbook(syntheticRun({ hosts: 30, changes: true }));
    for (const ws of written.workbook.worksheets) {
      const names = worksheetChildren(readSheetXml(written.file, ws.name));
      expect(inSchemaOrder(names, WORKSHEET_CHILDREN), `${ws.name}: ${names.join(', ')}`).toBe(true);
    }
    const styles = readZipEntry(written.file, 'xl/styles.xml') ?? '';
    const fonts = [...styles.matchAll(/<font>(.*?)<\/font>/g)].map((m) => splitSiblings(m[1]!).map((e) => e.name));
    expect(fonts.length).toBeGreaterThan(3);
    for (const font of fonts) expect(inSchemaOrder(font, FONT_CHILDREN), font.join(', ')).toBe(true);
  });
});
