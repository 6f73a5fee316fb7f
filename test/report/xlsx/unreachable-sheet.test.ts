import { afterEach, describe, expect, it } from 'vitest';
import { UNREACHABLE_COLUMNS } from '../../../src/report/xlsx/unreachable-sheet.js';
import { syntheticRun } from '../../helpers/synthetic-run.js';
import { writeAndReadWorkbook, type WrittenWorkbook } from '../../helpers/workbook.js';

let written: WrittenWorkbook | undefined;
afterEach(() => written?.cleanup());

describe('Unreachable sheet', () => {
  it('lists every host that was not fully scanned with its reason, address, transport and duration', async () => {
    const record = syntheticRun({ hosts: 100, unreachableRate: 0.08, timeoutRate: 0.04 });
    record.hosts[0]!.status = 'error';
    record.hosts[0]!.reason = 'remote output was not a host report';
    written = await writeAndReadWorkbook(record);
    const broken = record.hosts.filter((h) => h.status !== 'ok');
    expect(broken.length).toBeGreaterThan(3);
    expect(written.rowValues('Unreachable', 1)).toEqual(UNREACHABLE_COLUMNS);
    expect(written.sheet('Unreachable').actualRowCount).toBe(broken.length + 1);
    expect(written.rowValues('Unreachable', 2)).toEqual([
      record.hosts[0]!.name, 'error', 'remote output was not a host report', record.hosts[0]!.address, record.hosts[0]!.transport,
      expect.stringMatching(/^\d+s$/),
    ]);
    const statuses = broken.map((_, i) => written!.rowValues('Unreachable', i + 2)[1]);
    expect(new Set(statuses)).toEqual(new Set(['error', 'unreachable', 'timeout']));
  });

  it('has only its header when every host was scanned', async () => {
    written = await writeAndReadWorkbook(syntheticRun({ hosts: 10, unreachableRate: 0, timeoutRate: 0 }));
    expect(written.sheet('Unreachable').actualRowCount).toBe(1);
  });
});
