// The streaming writer loaded on its own: it writes a workbook the full exceljs reads back, and loading it
// leaves exceljs' readers unloaded (the reason the module exists).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbookWriterClass, WRITER_MODULE } from '../../../src/report/xlsx/workbook-writer.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** The packages a fresh node has loaded after requiring `module`. */
function packagesLoadedBy(module: string): string[] {
  const script = `require(${JSON.stringify(module)});
    const names = Object.keys(require.cache).map((f) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(f)?.[1]).filter(Boolean);
    process.stdout.write(JSON.stringify([...new Set(names)]));`;
  const child = spawnSync(process.execPath, ['-e', script], { cwd: REPO, encoding: 'utf8' });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout) as string[];
}

describe('WorkbookWriterClass', () => {
  it('writes a streamed workbook that the whole exceljs reads back', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-writer-'));
    const file = path.join(dir, 'one.xlsx');
    const wb = new WorkbookWriterClass({ filename: file, useSharedStrings: true, useStyles: true });
    const ws = wb.addWorksheet('Hosts');
    ws.addRow(['host', 'status']).commit();
    ws.addRow(['FS01', 'ok']).commit();
    await wb.commit();
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    expect(back.getWorksheet('Hosts')?.getRow(2).values).toEqual([undefined, 'FS01', 'ok']);
  });

  it("loads the writer without exceljs' readers, which the package's index loads", () => {
    const writerOnly = packagesLoadedBy(WRITER_MODULE);
    const whole = packagesLoadedBy('exceljs');
    expect(writerOnly).toContain('archiver');
    for (const reader of ['unzipper', 'jszip', 'fast-csv']) {
      expect(whole).toContain(reader);
      expect(writerOnly).not.toContain(reader);
    }
  });
});
