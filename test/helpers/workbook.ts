// Writes a run record's workbook into a fresh temporary folder and reads it back with exceljs; checks a
// written workbook with Microsoft's Open XML SDK and prints it through LibreOffice.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { RunRecord, TrendPoint } from '../../src/record/run-record.js';
import { writeWorkbook } from '../../src/report/xlsx/write-workbook.js';

export interface WrittenWorkbook {
  file: string;
  workbook: ExcelJS.Workbook;
  sheet(name: string): ExcelJS.Worksheet;
  /** Values of one row as an array (index 0 = column A), as read back from the file. */
  rowValues(sheet: string, row: number): unknown[];
  cleanup(): void;
}

export async function writeAndReadWorkbook(record: RunRecord): Promise<WrittenWorkbook> {
  const dir = mkdtempSync(join(tmpdir(), 'fleet-scan-xlsx-'));
  const file = join(dir, 'run.xlsx');
  await writeWorkbook(record, file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = (name: string) => {
    const ws = workbook.getWorksheet(name);
    if (!ws) throw new Error(`no sheet named ${name}`);
    return ws;
  };
  return {
    file,
    workbook,
    sheet,
    rowValues: (name, row) => (sheet(name).getRow(row).values as unknown[]).slice(1),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface ScratchWorkbook {
  file: string;
  cleanup(): void;
}

/** A small workbook from exceljs' streaming writer in a fresh temporary folder; `build` adds and commits its sheets. */
export async function writeStreamingWorkbook(build: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => void | Promise<void>): Promise<ScratchWorkbook> {
  const dir = mkdtempSync(join(tmpdir(), 'fleet-scan-scratch-'));
  const file = join(dir, 'scratch.xlsx');
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
    await build(wb);
    await wb.commit();
    return { file, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}

/** `record` with a trend of `nights` runs ending in itself: readiness rising night by night. */
export function withTrend(record: RunRecord, nights: number): RunRecord {
  const hosts = record.hosts.length;
  const day = 86_400_000;
  const trend: TrendPoint[] = Array.from({ length: nights }, (_, i) => {
    const last = i === nights - 1;
    const failing = Math.max(0, Math.round(hosts * 0.4) - i * 2);
    return {
      runId: last ? record.runId : `2026-night-${String(i + 1).padStart(2, '0')}`,
      startedAt: new Date(Date.parse(record.startedAt) - (nights - 1 - i) * day).toISOString(),
      hosts,
      readyHosts: hosts - failing - 1,
      failingHosts: failing,
      unreachableHosts: 1,
      newFailures: i === 0 ? null : nights - i,
    };
  });
  return { ...record, trend };
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Built by scripts/setup.sh from tools/openxml-validate. */
export const OPENXML_VALIDATOR = join(ROOT, '.tools', 'openxml-validate', 'openxml-validate.dll');

/** Microsoft's Open XML SDK validator on `file`: its exit code and every error line it printed. */
export function validateWithOpenXmlSdk(file: string): { code: number | null; errors: string[]; output: string } {
  if (!existsSync(OPENXML_VALIDATOR)) throw new Error(`${OPENXML_VALIDATOR} is missing: run bash scripts/setup.sh`);
  const run = spawnSync('dotnet', [OPENXML_VALIDATOR, file], { encoding: 'utf8', timeout: 120_000 });
  if (run.error) throw run.error;
  return { code: run.status, errors: run.stdout.split('\n').filter((line) => line.startsWith(`${file}:`)), output: run.stdout + run.stderr };
}

export interface PrintedWorkbook {
  /** The PDF's page count, as pdfinfo reads it. */
  pageCount: number;
  /** Per page, the sheet it prints: the first word of its footer, where the sheet name stands. */
  sheets: string[];
  /** Per page, its text (pdftotext -layout). */
  text: string[];
}

function run(command: string, args: string[], timeout: number): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout });
  if (result.error) throw new Error(`${command}: ${result.error.message} (scripts/setup.sh installs it)`);
  if (result.status !== 0) throw new Error(`${command} exited ${result.status}: ${result.stderr.trim()}`);
  return result.stdout;
}

/** Prints `file` to PDF with headless LibreOffice, in a profile of its own, and reads the pages back. */
export function printWithLibreOffice(file: string): PrintedWorkbook {
  const dir = mkdtempSync(join(tmpdir(), 'fleet-scan-pdf-'));
  try {
    run('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], 240_000);
    const pdf = join(dir, basename(file).replace(/\.xlsx$/, '.pdf'));
    if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${file}`);
    const pageCount = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdf], 30_000))?.[1]);
    const text = run('pdftotext', ['-layout', pdf, '-'], 60_000).split('\f').slice(0, pageCount);
    const sheets = text.map((page) => page.trimEnd().split('\n').at(-1)?.trim().split(/\s+/)[0] ?? '');
    return { pageCount, sheets, text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
