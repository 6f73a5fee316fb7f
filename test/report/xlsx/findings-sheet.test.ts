import { afterEach, describe, expect, it } from 'vitest';
import { FINDING_COLUMNS, collectFindings } from '../../../src/report/xlsx/findings-sheet.js';
import { syntheticRun } from '../../helpers/synthetic-run.js';
import { writeAndReadWorkbook, type WrittenWorkbook } from '../../helpers/workbook.js';
import { readSheetXml } from '../../helpers/zip-entries.js';

let written: WrittenWorkbook | undefined;
afterEach(() => written?.cleanup());

const col = (name: string) => FINDING_COLUMNS.indexOf(name);

describe('Findings sheet', () => {
  it('has one row per host and failing, erroring, warning or waived check, and none for the rest', async () => {
    const record = syntheticRun({ hosts: 120 });
    written = await writeAndReadWorkbook(record);
    const expected = record.hosts.flatMap((h) => h.checks.filter((c) => ['fail', 'warn', 'error', 'waived'].includes(c.status)));
    expect(expected.some((c) => c.status === 'waived')).toBe(true);
    expect(written.sheet('Findings').actualRowCount).toBe(expected.length + 1);
    expect(written.rowValues('Findings', 1)).toEqual(FINDING_COLUMNS);
  });

  it('sorts fail before error before warn before waived, then by check id, then by host', async () => {
    const record = syntheticRun({ hosts: 120 });
    written = await writeAndReadWorkbook(record);
    const ws = written.sheet('Findings');
    const keys: string[] = [];
    const rank = { fail: 0, error: 1, warn: 2, waived: 3 } as Record<string, number>;
    for (let r = 2; r <= ws.actualRowCount; r++) {
      const v = written.rowValues('Findings', r);
      keys.push(`${rank[v[col('Status')] as string]}|${v[col('Check id')]}|${v[col('Host')]}`);
    }
    expect(keys).toEqual([...keys].sort());
    expect(collectFindings(record)[0]!.outcome.status).toBe('fail');
  });

  it('joins evidence lines with newlines and links the source as a real hyperlink', async () => {
    const record = syntheticRun({ hosts: 1, checks: 17 });
    const outcome = record.hosts[0]!.checks.find((c) => c.id === 'mars-clock-skew')!;
    Object.assign(outcome, { status: 'fail', summary: 'Expected offset under 60 s, but found 412 s', evidence: ['offset: +412 s', 'w32time: Running'] });
    record.hosts[0]!.checks = [outcome];
    record.hosts[0]!.status = 'ok';
    written = await writeAndReadWorkbook(record);
    const row = written.rowValues('Findings', 2);
    expect(row[col('Evidence')]).toBe('offset: +412 s\nw32time: Running');
    expect(row[col('Title')]).toBe('System clock correct for its time zone');
    expect(row[col('Severity')]).toBe('fail');
    const source = written.sheet('Findings').getCell(2, col('Source') + 1);
    expect(source.hyperlink).toBe('https://learn.microsoft.com/azure/backup/backup-azure-mars-troubleshoot');
    expect(source.text).toBe('https://learn.microsoft.com/azure/backup/backup-azure-mars-troubleshoot');
    expect(source.alignment).toBeDefined();
    expect(written.sheet('Findings').getCell(2, col('Evidence') + 1).alignment?.wrapText).toBe(true);
  });

  it('shows the waiver justification and expiry of a waived finding', async () => {
    const record = syntheticRun({ hosts: 400 });
    written = await writeAndReadWorkbook(record);
    const ws = written.sheet('Findings');
    let found = false;
    for (let r = 2; r <= ws.actualRowCount; r++) {
      const v = written.rowValues('Findings', r);
      if (v[col('Status')] !== 'waived') continue;
      found = true;
      expect(v[col('Waiver justification')]).toBe('NTP migration planned in change CHG0042');
      expect(v[col('Waiver expires')]).toBe('2027-01-31');
    }
    expect(found).toBe(true);
  });

  it('truncates evidence longer than a cell can hold and says so', async () => {
    const record = syntheticRun({ hosts: 1, checks: 1 });
    Object.assign(record.hosts[0]!.checks[0]!, { status: 'fail', evidence: ['x'.repeat(40_000)] });
    record.hosts[0]!.status = 'ok';
    written = await writeAndReadWorkbook(record);
    const evidence = String(written.rowValues('Findings', 2)[col('Evidence')]);
    expect(evidence.length).toBe(32_767);
    expect(evidence).toMatch(/\[truncated: \d+ more characters; the JSON report has the full text\]$/);
  });

  it('shows control characters as \\uXXXX instead of writing them raw or a corrupt file', async () => {
    const record = syntheticRun({ hosts: 1, checks: 1 });
    Object.assign(record.hosts[0]!.checks[0]!, { status: 'fail', summary: 'bell\u0007 and \u001b[31mred\u001b[0m', evidence: ['nul\u0000here'] });
    record.hosts[0]!.status = 'ok';
    written = await writeAndReadWorkbook(record);
    const row = written.rowValues('Findings', 2);
    expect(row[col('Summary')]).toBe('bell\\u0007 and \\u001b[31mred\\u001b[0m');
    expect(row[col('Evidence')]).toBe('nul\\u0000here');
  });

  it('freezes and filters the header, links sources as hyperlinks and colours statuses with plain fills', async () => {
    written = await writeAndReadWorkbook(syntheticRun({ hosts: 30 }));
    const ws = written.sheet('Findings');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:L1');
    const xml = readSheetXml(written.file, 'Findings');
    expect(xml).toContain('<hyperlinks>');
    expect(xml).not.toContain('<conditionalFormatting');
  });
});
