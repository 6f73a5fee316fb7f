/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReadyHost } from '../../../src/history/trend.js';
import type { RunRecord } from '../../../src/record/run-record.js';
import { launchBrowser, openReportFile, type Browser, type ReportPage } from '../../../src/report/browser.js';
import { renderHtmlReport, writeHtmlReport, writeHtmlReportStream } from '../../../src/report/html/write-html.js';
import { streamOnly } from '../../helpers/stream-only.js';
import { summarizeRun } from '../../../src/report/summarize.js';
import { syntheticRun } from '../../helpers/synthetic-run.js';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../../test-results');
const FINDING_STATUSES = new Set(['fail', 'warn', 'error', 'waived']);

let dir: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-html-'));
  const launched = await launchBrowser();
  if (!launched.ok) throw new Error(launched.message);
  browser = launched.browser;
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A night of a 60-host fleet with changes since the night before and ten nights of trend. */
function nightlyRun(): RunRecord {
  const record = syntheticRun({ hosts: 60, changes: true, unreachableRate: 0.05 });
  record.trend = Array.from({ length: 10 }, (_, i) => ({
    runId: `night-${i}`, startedAt: `2026-11-${String(16 + i).padStart(2, '0')}T02:00:00.000Z`, hosts: 60,
    readyHosts: 18 + i * 2, failingHosts: 34 - i * 2, unreachableHosts: 3, newFailures: i === 0 ? null : (i * 7) % 5,
  }));
  return record;
}

interface Opened extends ReportPage {
  problems: string[];
}

/** Writes the report and opens it, collecting console errors and page errors as they come. */
async function open(record: RunRecord, name: string): Promise<Opened> {
  const file = path.join(dir, `${name}.html`);
  await writeHtmlReport(record, file);
  const problems: string[] = [];
  const listen = (page: ReportPage['page']) => {
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  };
  browser.context.once('page', listen);
  const opened = await openReportFile(browser, file);
  return { ...opened, problems };
}

const text = (opened: Opened, selector: string) => opened.page.locator(selector).innerText();
const visibleRows = (opened: Opened, table: string) => opened.page.locator(`table[data-table="${table}"] tbody tr:not([hidden])`);

describe('renderHtmlReport', () => {
  it('is one self-contained file: no stylesheet, script, image or font comes from anywhere else', () => {
    const page = renderHtmlReport(nightlyRun());
    expect(page).not.toMatch(/<link rel="stylesheet"|<script [^>]*src=|<img |@import|url\(/);
    const targets = [...page.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
    expect(targets.filter((t) => !t.startsWith('#') && !t.startsWith('https://learn.microsoft.com/') && t !== 'data:,')).toEqual([]);
  });

  it('writes the file whole, replacing an older one', async () => {
    const file = path.join(dir, 'twice.html');
    await writeHtmlReport(syntheticRun({ hosts: 2 }), file);
    await writeHtmlReport(syntheticRun({ hosts: 9 }), file);
    expect(readFileSync(file, 'utf8')).toContain('9 hosts in');
    expect(statSync(file).size).toBeGreaterThan(1000);
  });
});

describe('the HTML report in Chromium', () => {
  it('loads with no console error and no request outside the file, and pictures its first screen', async () => {
    const opened = await open(nightlyRun(), 'nightly');
    await opened.page.setViewportSize({ width: 1280, height: 900 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await opened.page.locator('#overview').screenshot({ path: path.join(SCREENSHOTS, 'html-report-first-screen.png') });
    await opened.page.setViewportSize({ width: 390, height: 844 });
    await opened.page.screenshot({ path: path.join(SCREENSHOTS, 'html-report-phone.png') });
    expect(opened.problems).toEqual([]);
    expect(opened.refused).toEqual([]);
    await opened.page.close();
  });

  it('shows the verdict and the counts of the run record', async () => {
    const record = nightlyRun();
    const summary = summarizeRun(record);
    const opened = await open(record, 'counts');
    expect(await text(opened, '#verdict')).toBe(summary.verdict);
    expect(await text(opened, '#count-ready')).toBe(String(record.hosts.filter(isReadyHost).length));
    expect(await text(opened, '#count-failing')).toBe(String(summary.failingHosts));
    expect(await text(opened, '#count-unscanned')).toBe(String(summary.unscannedHosts));
    expect(await text(opened, '#count-new')).toBe(String(record.changes!.changes.filter((c) => c.kind === 'new-failure').length));
    const findings = record.hosts.flatMap((h) => h.checks).filter((c) => FINDING_STATUSES.has(c.status)).length;
    expect(await visibleRows(opened, 'findings').count()).toBe(findings);
    expect(await visibleRows(opened, 'hosts').count()).toBe(record.hosts.length);
    expect(await opened.page.locator('svg.chart circle.ready-dot').count()).toBe(10);
    await opened.page.close();
  });

  it('filters the findings by text and by status, and says how many it shows', async () => {
    const record = nightlyRun();
    const opened = await open(record, 'filter');
    const host = record.hosts.find((h) => h.checks.filter((c) => FINDING_STATUSES.has(c.status)).length >= 2)!;
    const own = host.checks.filter((c) => FINDING_STATUSES.has(c.status)).length;
    await opened.page.fill('input[data-for="findings"]', host.name);
    expect(await visibleRows(opened, 'findings').count()).toBe(own);
    expect(await opened.page.locator('output[data-count="findings"]').innerText()).toMatch(new RegExp(`^${own} of \\d+ shown$`));
    await opened.page.fill('input[data-for="findings"]', '');
    await opened.page.selectOption('select[data-for="findings"][data-match="status"]', 'fail');
    const statuses = await visibleRows(opened, 'findings').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(statuses.length).toBe(record.hosts.flatMap((h) => h.checks).filter((c) => c.status === 'fail').length);
    expect(new Set(statuses)).toEqual(new Set(['|fail|']));
    await opened.page.close();
  });

  it('filters the hosts by readiness and sorts them by a column', async () => {
    const record = nightlyRun();
    const opened = await open(record, 'sort');
    await opened.page.selectOption('select[data-for="hosts"][data-match="ready"]', 'ready');
    expect(await visibleRows(opened, 'hosts').count()).toBe(record.hosts.filter(isReadyHost).length);
    await opened.page.selectOption('select[data-for="hosts"][data-match="ready"]', '');
    const failColumn = opened.page.locator('table[data-table="hosts"] th[data-sort="number"] button', { hasText: 'fail' });
    await failColumn.click();
    await failColumn.click();
    const most = Math.max(...record.hosts.map((h) => h.checks.filter((c) => c.status === 'fail').length));
    const first = opened.page.locator('table[data-table="hosts"] tbody tr').first();
    expect(await first.locator('td').nth(5).innerText()).toBe(String(most));
    expect(await opened.page.locator('table[data-table="hosts"] th[aria-sort="descending"]').innerText()).toContain('fail');
    await opened.page.close();
  });

  it('shows markup, quotes and ANSI escapes from hosts as text, never as markup or raw control characters', async () => {
    const record = syntheticRun({ hosts: 2, checks: 3, unreachableRate: 0, timeoutRate: 0 });
    for (const host of record.hosts) for (const c of host.checks) Object.assign(c, { status: 'pass', summary: 'ok', evidence: [] });
    const evil = `web<script>window.__pwned=1</script>"'\u001b[31m`;
    record.hosts[0]!.name = evil;
    record.hosts[0]!.tags = ['<img src=x onerror="window.__pwned=2">'];
    record.hosts[0]!.checks[1] = {
      id: record.checks[1]!.id, status: 'fail', summary: '" onmouseover="window.__pwned=3',
      evidence: ['<img src=x onerror="window.__pwned=4">', '\u001b[0mreset\u0007bell', '</td></tr></table><b id="injected">x</b>'],
    };
    const opened = await open(record, 'hostile');
    const found = await opened.page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      scripts: document.scripts.length,
      images: document.images.length,
      injected: document.getElementById('injected') !== null,
      handlers: document.querySelectorAll('[onerror], [onmouseover]').length,
      raw: /[\u0000-\u0008\u000B-\u001F\u007F]/.test(document.body.textContent ?? ''),
    }));
    expect(found).toEqual({ pwned: undefined, scripts: 1, images: 0, injected: false, handlers: 0, raw: false });
    const firstHost = opened.page.locator('table[data-table="hosts"] tbody tr').first().locator('td').first();
    expect(await firstHost.innerText()).toBe(`web<script>window.__pwned=1</script>"'\\u001b[31m`);
    const evidence = await opened.page.locator('ul.evidence li').allInnerTexts();
    expect(evidence).toEqual(['<img src=x onerror="window.__pwned=4">', '\\u001b[0mreset\\u0007bell', '</td></tr></table><b id="injected">x</b>']);
    expect(opened.problems).toEqual([]);
    expect(opened.refused).toEqual([]);
    await opened.page.close();
  });
});

describe('writeHtmlReportStream', () => {
  it('writes from a stream exactly the page writeHtmlReport writes from the record, with and without findings', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-html-stream-'));
    try {
      const clean = syntheticRun({ hosts: 3, unreachableRate: 0, timeoutRate: 0 });
      for (const h of clean.hosts) h.checks = h.checks.map((c) => ({ ...c, status: 'pass' as const }));
      for (const record of [syntheticRun({ hosts: 30, changes: true }), clean]) {
        await writeHtmlReport(record, path.join(dir, 'whole.html'));
        await writeHtmlReportStream(streamOnly(record), path.join(dir, 'streamed.html'));
        expect(readFileSync(path.join(dir, 'streamed.html'), 'utf8')).toBe(readFileSync(path.join(dir, 'whole.html'), 'utf8'));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
