import { afterEach, describe, expect, it } from 'vitest';
import { WAIVER_COLUMNS } from '../../../src/report/xlsx/waivers-sheet.js';
import { syntheticRun } from '../../helpers/synthetic-run.js';
import { writeAndReadWorkbook, type WrittenWorkbook } from '../../helpers/workbook.js';

let written: WrittenWorkbook | undefined;
afterEach(() => written?.cleanup());

describe('Waivers sheet', () => {
  it('lists each waiver with its state, and flags expired and unmatched ones in red', async () => {
    const record = syntheticRun({ hosts: 300 });
    written = await writeAndReadWorkbook(record);
    expect(written.rowValues('Waivers', 1)).toEqual(WAIVER_COLUMNS);
    expect(written.sheet('Waivers').actualRowCount).toBe(record.waivers.length + 1);
    record.waivers.forEach((w, i) => {
      expect(written!.rowValues('Waivers', i + 2)).toEqual([w.host, w.check, w.justification, w.owner, w.expires, w.state, w.matched]);
      const font = written!.sheet('Waivers').getCell(i + 2, 6).font;
      expect(font?.color?.argb === 'FFC00000').toBe(w.state !== 'applied');
    });
    expect(record.waivers.map((w) => w.state)).toEqual(expect.arrayContaining(['applied', 'expired', 'unmatched']));
  });
});
