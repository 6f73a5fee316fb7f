import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeWorkbook } from '../../../src/report/xlsx/write-workbook.js';
import { syntheticRun } from '../../helpers/synthetic-run.js';
import { writeAndReadWorkbook, type WrittenWorkbook } from '../../helpers/workbook.js';

let written: WrittenWorkbook | undefined;
afterEach(() => written?.cleanup());

describe('writeWorkbook', () => {
  it('writes the sheets in reading order, Waivers only when the run had waivers', async () => {
    written = await writeAndReadWorkbook(syntheticRun({ hosts: 12 }));
    expect(written.workbook.worksheets.map((ws) => ws.name)).toEqual([
      'Summary', 'Hosts', 'Findings', 'Unreachable', 'Changes', 'Waivers', 'Run',
    ]);
    written.cleanup();

    written = await writeAndReadWorkbook({ ...syntheticRun({ hosts: 12, checks: 5 }), waivers: [] });
    expect(written.workbook.worksheets.map((ws) => ws.name)).not.toContain('Waivers');
  });

  it('keeps every worksheet name within the 31 characters Excel allows', async () => {
    written = await writeAndReadWorkbook(syntheticRun({ hosts: 3 }));
    for (const ws of written.workbook.worksheets) expect(ws.name.length).toBeLessThanOrEqual(31);
  });

  it('leaves only the finished workbook in the folder, no temporary file', async () => {
    written = await writeAndReadWorkbook(syntheticRun({ hosts: 3 }));
    expect(readdirSync(dirname(written.file))).toEqual(['run.xlsx']);
  });

  it('rejects and leaves nothing behind when the folder does not exist', async () => {
    await expect(writeWorkbook(syntheticRun({ hosts: 2 }), '/nonexistent-dir-fleet-scan/run.xlsx')).rejects.toThrow(/ENOENT/);
  });
});
