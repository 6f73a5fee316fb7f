import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRINT_MARGINS, footerText, printLabel, printOptions } from '../../../src/report/xlsx/print-setup.js';
import { syntheticRun } from '../../helpers/synthetic-run.js';
import { printWithLibreOffice, withTrend, writeAndReadWorkbook, type PrintedWorkbook, type WrittenWorkbook } from '../../helpers/workbook.js';
import { readSheetXml, readZipEntry } from '../../helpers/zip-entries.js';

describe('printOptions', () => {
  it('prints landscape, one page wide and as many pages tall as needed, with narrow margins', () => {
    expect(printOptions('fleet-scan: mars').pageSetup).toEqual({
      orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: PRINT_MARGINS,
    });
  });

  it('repeats the title rows and columns it is given and can squeeze a sheet onto one page', () => {
    expect(printOptions('x', { titleRows: '1:1', titleColumns: 'A:A', pagesTall: 1 }).pageSetup).toMatchObject({
      fitToHeight: 1, printTitlesRow: '1:1', printTitlesColumn: 'A:A',
    });
  });

  it('footers every page with the sheet name, the page of pages and the run, with & escaped', () => {
    expect(printOptions('R&D run').headerFooter?.oddFooter).toBe('&L&8&A&C&8Page &P of &N&R&8R&&D run');
    expect(footerText('a & b && c')).toBe('a && b &&&& c');
    expect(printLabel(syntheticRun({ hosts: 1 }))).toBe('fleet-scan: mars 1.0.0, run 20261125-080000-a1b2');
  });
});

describe('the written workbook, as printed', () => {
  const HOSTS = 120;
  const record = withTrend(syntheticRun({ hosts: HOSTS, changes: true }), 6);
  let written: WrittenWorkbook;
  let printed: PrintedWorkbook;
  beforeAll(async () => {
    written = await writeAndReadWorkbook(record);
    // One LibreOffice conversion serves every test below.
    printed = printWithLibreOffice(written.file);
  }, 300_000);
  afterAll(() => written?.cleanup());

  const pagesOf = (sheet: string) => printed.text.filter((_, i) => printed.sheets[i] === sheet);

  it('sets every sheet landscape, fitted one page wide, with a print area, and repeats table headers', () => {
    const names = (readZipEntry(written.file, 'xl/workbook.xml') ?? '').replaceAll('&apos;', "'");
    written.workbook.worksheets.forEach((ws, id) => {
      const xml = readSheetXml(written.file, ws.name);
      expect(xml, ws.name).toContain('<pageSetUpPr fitToPage="1"/>');
      expect(xml, ws.name).toMatch(/<pageSetup [^>]*orientation="landscape"[^>]*fitToWidth="1" fitToHeight="[01]"/);
      expect(xml, ws.name).toContain('<oddFooter>&amp;L&amp;8&amp;A');
      expect(names, ws.name).toMatch(new RegExp(`<definedName name="_xlnm.Print_Area" localSheetId="${id}">'${ws.name}'!\\$A\\$1:\\$[A-Z]+\\$\\d+</definedName>`));
      if (!['Summary', 'Run'].includes(ws.name)) {
        expect(names, ws.name).toMatch(new RegExp(`<definedName name="_xlnm.Print_Titles" localSheetId="${id}">[^<]*'${ws.name}'!\\$1:\\$1</definedName>`));
      }
    });
  });

  it('opens in LibreOffice without repair: it prints every sheet, in order, and every page says which', () => {
    expect(printed.pageCount).toBeGreaterThan(written.workbook.worksheets.length - 1);
    expect([...new Set(printed.sheets)]).toEqual(written.workbook.worksheets.map((ws) => ws.name));
    printed.text.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${printed.pageCount}`));
  });

  it('prints the Summary and the Trend on one page each', () => {
    expect(pagesOf('Summary')).toHaveLength(1);
    expect(pagesOf('Trend')).toHaveLength(1);
    expect(pagesOf('Summary')[0]).toContain('mars-fleet-vault-capacity');
  });

  it('prints the host × check matrix one page wide with its header on every page, a few pages for 120 hosts', () => {
    const pages = pagesOf('Hosts');
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length).toBeLessThanOrEqual(Math.ceil(HOSTS / 30));
    const checks = record.checks.map((c) => c.id);
    for (const page of pages) {
      expect(page).toContain('srv-');
      expect(page).toContain(checks[0]!);
      expect(page).toContain(checks.at(-1)!);
    }
    // The host details after the matrix are not printed.
    expect(pages.join('\n')).not.toContain('10.0.0.');
  });

  it('prints the findings one page wide with their header on every page', () => {
    const pages = pagesOf('Findings');
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toMatch(/Host\s+Cloud\s+Check id[\s\S]*Waiver justification/);
  });
});
