import { afterEach, describe, expect, it } from 'vitest';
import { TREND_COLUMNS } from '../../../src/report/xlsx/trend-sheet.js';
import { syntheticRun } from '../../helpers/synthetic-run.js';
import { withTrend, writeAndReadWorkbook, type WrittenWorkbook } from '../../helpers/workbook.js';
import { readSheetXml } from '../../helpers/zip-entries.js';

let written: WrittenWorkbook | undefined;
afterEach(() => written?.cleanup());

describe('Trend sheet', () => {
  it('has one row per run, oldest first and this run last, with its counts and ready share', async () => {
    const record = withTrend(syntheticRun({ hosts: 50 }), 5);
    written = await writeAndReadWorkbook(record);
    expect(written.rowValues('Trend', 1)).toEqual(TREND_COLUMNS);
    expect(written.sheet('Trend').actualRowCount).toBe(6);
    record.trend!.forEach((p, i) => {
      const row = written!.rowValues('Trend', i + 2);
      expect(row.slice(0, 4)).toEqual([p.runId, p.startedAt.replace('T', ' ').replace('.000Z', ' UTC'), p.hosts, p.readyHosts]);
      expect(row[4]).toBeCloseTo(p.readyHosts / p.hosts, 10);
      expect(row.slice(5)).toEqual([p.failingHosts, p.unreachableHosts, ...(p.newFailures === null ? [] : [p.newFailures])]);
    });
    expect(written.rowValues('Trend', 6)[0]).toBe(record.runId);
  });

  it('leaves new failures empty for a run that had nothing to compare with', async () => {
    written = await writeAndReadWorkbook(withTrend(syntheticRun({ hosts: 10 }), 3));
    expect(written.sheet('Trend').getCell('H2').value).toBeNull();
    expect(written.sheet('Trend').getCell('H3').value).toBe(2);
  });

  it('shows the ready share as a percentage and this run in bold', async () => {
    written = await writeAndReadWorkbook(withTrend(syntheticRun({ hosts: 10 }), 3));
    const ws = written.sheet('Trend');
    expect(ws.getCell('E2').numFmt).toBe('0%');
    expect(ws.getCell('A4').font?.bold).toBe(true);
    expect(ws.getCell('A3').font?.bold).toBeFalsy();
  });

  it('draws data bars over ready share (0 to 100%), failing, unreachable and new failures', async () => {
    written = await writeAndReadWorkbook(withTrend(syntheticRun({ hosts: 10 }), 4));
    const xml = readSheetXml(written.file, 'Trend');
    expect(xml).toContain('<conditionalFormatting sqref="E2:E5"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="num" val="0"/><cfvo type="num" val="1"/>');
    for (const ref of ['F2:F5', 'G2:G5', 'H2:H5']) expect(xml).toContain(`<conditionalFormatting sqref="${ref}"><cfRule type="dataBar"`);
  });
});
