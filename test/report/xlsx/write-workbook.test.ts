import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeWorkbook, writeWorkbookStream } from '../../../src/report/xlsx/write-workbook.js';
import { streamOnly } from '../../helpers/stream-only.js';
import { readZipEntry } from '../../helpers/zip-entries.js';
import { syntheticRun } from '../../helpers/synthetic-run.js';
import { validateWithOpenXmlSdk, withTrend, writeAndReadWorkbook, type WrittenWorkbook } from '../../helpers/workbook.js';

let written: WrittenWorkbook | undefined;
let first: WrittenWorkbook | undefined;
afterEach(() => {
  written?.cleanup();
  first?.cleanup();
  written = first = undefined;
});

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

  it('puts the Trend sheet second when the record carries a trend from the history', async () => {
    written = await writeAndReadWorkbook(withTrend(syntheticRun({ hosts: 12 }), 4));
    expect(written.workbook.worksheets.map((ws) => ws.name).slice(0, 3)).toEqual(['Summary', 'Trend', 'Hosts']);
    written.cleanup();

    written = await writeAndReadWorkbook({ ...syntheticRun({ hosts: 12 }), trend: [] });
    expect(written.workbook.worksheets.map((ws) => ws.name)).not.toContain('Trend');
  });

  it("validates with 0 errors against the Office Open XML schema in Microsoft's Open XML SDK", async () => {
    // A nightly run with everything (trend, changes, waivers, unreachable and staged hosts) and a first,
    // interrupted run with none of them.
    const nightly = withTrend(syntheticRun({ hosts: 150, changes: true, unreachableRate: 0.05 }), 7);
    nightly.hosts.slice(0, 10).forEach((h) => (h.staged = true));
    written = await writeAndReadWorkbook(nightly);
    first = await writeAndReadWorkbook({ ...syntheticRun({ hosts: 20, checks: 12, interrupted: true }), waivers: [] });
    const validation = validateWithOpenXmlSdk(written.file);
    expect(validation.errors).toEqual([]);
    expect(validation.code).toBe(0);
    expect(validation.output).toMatch(/0 error\(s\) in 1 file\(s\)/);
    expect(validateWithOpenXmlSdk(first.file)).toMatchObject({ code: 0, errors: [] });
  }, 120_000);

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

describe('writeWorkbookStream', () => {
  it('writes from a stream the same sheets and strings writeWorkbook writes from the record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-scan-xlsx-stream-'));
    try {
      const record = syntheticRun({ hosts: 30, changes: true });
      await writeWorkbook(record, join(dir, 'whole.xlsx'));
      await writeWorkbookStream(streamOnly(record), join(dir, 'streamed.xlsx'));
      const parts = ['xl/sharedStrings.xml', 'xl/workbook.xml', ...Array.from({ length: 7 }, (_, i) => `xl/worksheets/sheet${i + 1}.xml`)];
      for (const part of parts) {
        const whole = readZipEntry(join(dir, 'whole.xlsx'), part);
        expect(whole, part).toBeDefined();
        expect(readZipEntry(join(dir, 'streamed.xlsx'), part), part).toBe(whole);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
