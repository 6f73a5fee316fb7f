import { afterEach, describe, expect, it } from 'vitest';
import { addTableSheet, finishTableSheet } from '../../../src/report/xlsx/table-sheet.js';
import { writeHeader, writeRow } from '../../../src/report/xlsx/sheet-kit.js';
import { syntheticRun } from '../../helpers/synthetic-run.js';
import { writeStreamingWorkbook, type ScratchWorkbook } from '../../helpers/workbook.js';
import { readSheetXml, readZipEntry } from '../../helpers/zip-entries.js';

let scratch: ScratchWorkbook | undefined;
afterEach(() => scratch?.cleanup());

describe('addTableSheet and finishTableSheet', () => {
  it('freeze and filter the header, repeat it on every printed page, and print down to the last row', async () => {
    scratch = await writeStreamingWorkbook((wb) => {
      const ws = addTableSheet(wb, 'Things', syntheticRun({ hosts: 1 }), { freezeColumns: 1, titleColumns: 'A:A' });
      writeHeader(ws, ['Name', 'Kind', 'Note', 'Hidden detail']);
      let last = 0;
      for (let i = 0; i < 5; i++) last = writeRow(ws, [`n${i}`, 'k', 'x', 'd']);
      finishTableSheet(ws, 4, last, 3);
    });
    const xml = readSheetXml(scratch.file, 'Things');
    expect(xml).toMatch(/<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"\/>/);
    expect(xml).toContain('<autoFilter ref="A1:D1"/>');
    const names = (readZipEntry(scratch.file, 'xl/workbook.xml') ?? '').replaceAll('&apos;', "'");
    expect(names).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="0">'Things'!$A$1:$C$6</definedName>`);
    expect(names).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'Things'!$A:$A,'Things'!$1:$1</definedName>`);
  });
});
