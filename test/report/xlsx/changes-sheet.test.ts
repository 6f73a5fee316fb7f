import { afterEach, describe, expect, it } from 'vitest';
import { CHANGE_COLUMNS, NO_PREVIOUS_RUN } from '../../../src/report/xlsx/changes-sheet.js';
import { syntheticRun } from '../../helpers/synthetic-run.js';
import { writeAndReadWorkbook, type WrittenWorkbook } from '../../helpers/workbook.js';

let written: WrittenWorkbook | undefined;
afterEach(() => written?.cleanup());

describe('Changes sheet', () => {
  it('says there is nothing to compare with when the run has no previous run', async () => {
    written = await writeAndReadWorkbook(syntheticRun({ hosts: 3 }));
    expect(written.sheet('Changes').getCell('A1').value).toBe(NO_PREVIOUS_RUN);
    expect(written.sheet('Changes').actualRowCount).toBe(1);
  });

  it('lists every change with new failures first and fixes last', async () => {
    const record = syntheticRun({ hosts: 40, changes: true });
    written = await writeAndReadWorkbook(record);
    expect(written.rowValues('Changes', 1)).toEqual(CHANGE_COLUMNS);
    const count = record.changes!.changes.length;
    expect(written.sheet('Changes').actualRowCount).toBe(count + 1);
    expect(written.rowValues('Changes', 2)[0]).toBe('new-failure');
    expect(written.rowValues('Changes', count + 1)[0]).toBe('fixed');
    const removed = record.changes!.changes.find((c) => c.kind === 'host-removed')!;
    const rows = Array.from({ length: count }, (_, i) => written!.rowValues('Changes', i + 2));
    expect(rows).toContainEqual(['host-removed', removed.host, , , , removed.detail]);
  });
});
