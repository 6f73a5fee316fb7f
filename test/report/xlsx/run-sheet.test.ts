import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUE_COLUMNS } from '../../../src/report/xlsx/run-sheet.js';
import { syntheticRun } from '../../helpers/synthetic-run.js';
import { writeAndReadWorkbook, type WrittenWorkbook } from '../../helpers/workbook.js';

let written: WrittenWorkbook | undefined;
afterEach(() => written?.cleanup());

function rowOf(w: WrittenWorkbook, label: string): unknown[] {
  const ws = w.sheet('Run');
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === label) return w.rowValues('Run', r);
  throw new Error(`no Run row ${label}`);
}

describe('Run sheet', () => {
  it('records the parameters, versions, run id and schema of the run', async () => {
    const record = syntheticRun({ hosts: 2 });
    record.parameters.checks = ['mars-clock-skew', 'mars-net-endpoints'];
    written = await writeAndReadWorkbook(record);
    expect(rowOf(written, 'Concurrency')).toEqual(['Concurrency', 32]);
    expect(rowOf(written, 'Host deadline')).toEqual(['Host deadline', '1m 30s']);
    expect(rowOf(written, 'Connect timeout')).toEqual(['Connect timeout', '10s']);
    expect(rowOf(written, 'Selected checks')).toEqual(['Selected checks', 'mars-clock-skew, mars-net-endpoints']);
    expect(rowOf(written, 'Selected tags')).toEqual(['Selected tags', 'all']);
    expect(rowOf(written, 'Fail on')).toEqual(['Fail on', 'any']);
    expect(rowOf(written, 'Tool')).toEqual(['Tool', 'fleet-scan 0.1.0']);
    expect(rowOf(written, 'Run id')).toEqual(['Run id', record.runId]);
    expect(rowOf(written, 'Schema')).toEqual(['Schema', 'fleet-scan/run@2']);
  });

  it('lists the check catalogue with a hyperlink to each source', async () => {
    const record = syntheticRun({ hosts: 1 });
    written = await writeAndReadWorkbook(record);
    expect(rowOf(written, 'Check id')).toEqual(CATALOGUE_COLUMNS);
    const row = rowOf(written, 'mars-private-endpoint-dns');
    expect(row.slice(0, 5)).toEqual(['mars-private-endpoint-dns', 'Private-endpoint names resolve to private addresses', 'registration', 'fail', 'public, usgov']);
    expect(row[5]).toEqual({ text: `https://learn.microsoft.com/azure/backup/private-endpoints-overview`, hyperlink: 'https://learn.microsoft.com/azure/backup/private-endpoints-overview' });
  });
});
