import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rebuildReports, reportBaseName, writeReports } from '../../src/report/write-reports.js';
import { syntheticRun } from '../helpers/synthetic-run.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'fleet-scan-reports-'));

describe('writeReports', () => {
  it('writes the workbook and the JSON under default names in the output folder, creating it', async () => {
    const outDir = join(fresh(), 'nested', 'out');
    const record = syntheticRun({ hosts: 5 });
    const result = await writeReports(record, { outDir });
    expect(result).toEqual({
      paths: { json: join(outDir, 'fleet-scan-20261125-080000-a1b2.json'), xlsx: join(outDir, 'fleet-scan-20261125-080000-a1b2.xlsx') },
      errors: [],
    });
    expect(JSON.parse(readFileSync(result.paths.json!, 'utf8')).runId).toBe(record.runId);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(result.paths.xlsx!);
    expect(wb.getWorksheet('Hosts')!.actualRowCount).toBe(6);
  });

  it('writes JUnit only when asked and skips a report set to false', async () => {
    const outDir = fresh();
    const junit = join(outDir, 'ci', 'junit.xml');
    const result = await writeReports(syntheticRun({ hosts: 2 }), { outDir, xlsx: false, junit });
    expect(result.paths).toEqual({ json: join(outDir, 'fleet-scan-20261125-080000-a1b2.json'), junit });
    expect(readFileSync(junit, 'utf8')).toContain('<testsuites ');
  });

  it('writes the HTML report only when asked', async () => {
    const outDir = fresh();
    const html = join(outDir, 'site', 'report.html');
    const result = await writeReports(syntheticRun({ hosts: 2 }), { outDir, xlsx: false, json: false, html });
    expect(result).toEqual({ paths: { html }, errors: [] });
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('still writes the other reports when one cannot be written, and says which in one line', async () => {
    const outDir = fresh();
    const blocker = join(outDir, 'file');
    writeFileSync(blocker, '');
    const result = await writeReports(syntheticRun({ hosts: 2 }), { outDir, xlsx: join(blocker, 'x.xlsx') });
    expect(result.paths.json).toBeDefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^xlsx report not written to .*x\.xlsx: a file is in the way$/);
    expect(result.errors[0]).not.toContain('\n');
  });

  it('makes a file name safe from any run id', () => {
    expect(reportBaseName('2026-11-25T08:00:00Z/ctl 01')).toBe('fleet-scan-2026-11-25T08-00-00Z-ctl-01');
  });
});

describe('rebuildReports', () => {
  it('rebuilds the workbook and JUnit from a saved run record', async () => {
    const dir = fresh();
    const written = await writeReports(syntheticRun({ hosts: 4 }), { outDir: dir, xlsx: false });
    const xlsx = join(dir, 'again.xlsx');
    const junit = join(dir, 'again.xml');
    const result = await rebuildReports(written.paths.json!, { xlsx, junit });
    expect(result).toEqual({ paths: { xlsx, junit }, errors: [] });
    expect(existsSync(xlsx)).toBe(true);
    expect((readFileSync(junit, 'utf8').match(/<testsuite /g) ?? []).length).toBe(4);
  });

  it('rebuilds the HTML and the PDF report (Letter, when asked) from a saved run record', async () => {
    const dir = fresh();
    const record = syntheticRun({ hosts: 3 });
    const written = await writeReports(record, { outDir: dir, xlsx: false });
    const html = join(dir, 'again.html');
    const pdf = join(dir, 'again.pdf');
    const result = await rebuildReports(written.paths.json!, { html, pdf, paper: 'letter' });
    expect(result).toEqual({ paths: { html, pdf }, errors: [] });
    expect(readFileSync(html, 'utf8')).toContain(`run ${record.runId}`);
    expect(readFileSync(pdf, 'latin1')).toMatch(/^%PDF-[\s\S]*\/MediaBox \[0 0 792 612\]/);
  });

  it('returns the one-line read error and writes nothing when the record is bad', async () => {
    const dir = fresh();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{}');
    const xlsx = join(dir, 'never.xlsx');
    const result = await rebuildReports(bad, { xlsx });
    expect(result.paths).toEqual({});
    expect(result.errors).toEqual([expect.stringMatching(/bad\.json: not a fleet-scan run record: schema: /)]);
    expect(existsSync(xlsx)).toBe(false);
  });
});
