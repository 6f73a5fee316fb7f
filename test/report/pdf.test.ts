import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePdfReport } from '../../src/report/pdf.js';
import { syntheticRun } from '../helpers/synthetic-run.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-pdf-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Width and height in points of every page of a PDF, from its MediaBox entries. */
function pageSizes(file: string): [number, number][] {
  const text = readFileSync(file).toString('latin1');
  return [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
}

describe('writePdfReport', () => {
  it('prints the report on A4 landscape by default, and on Letter landscape when asked', async () => {
    const record = syntheticRun({ hosts: 20, changes: true });
    const a4 = path.join(dir, 'a4.pdf');
    const letter = path.join(dir, 'letter.pdf');
    await writePdfReport(record, a4);
    await writePdfReport(record, letter, { paper: 'letter' });
    expect(readFileSync(a4).subarray(0, 5).toString()).toBe('%PDF-');
    // A4 is 841.9 x 595.3 points; Chromium rounds the page to whole CSS pixels, so allow 2 points.
    const near = (pages: [number, number][], [w, h]: [number, number]) => pages.every(([pw, ph]) => Math.abs(pw - w) <= 2 && Math.abs(ph - h) <= 2);
    const a4Pages = pageSizes(a4);
    expect(a4Pages.length).toBeGreaterThan(1);
    expect(near(a4Pages, [842, 595])).toBe(true);
    expect(near(pageSizes(letter), [792, 612])).toBe(true);
    expect(pageSizes(letter).length).toBeGreaterThan(0);
  });

  it('leaves no temporary file beside the report', () => {
    expect(readdirSync(dir).sort()).toEqual(['a4.pdf', 'letter.pdf']);
  });

  it('fails in one line, writing nothing, when Chromium cannot be started', async () => {
    const before = process.env.FLEET_SCAN_CHROMIUM;
    process.env.FLEET_SCAN_CHROMIUM = path.join(dir, 'no-chromium');
    try {
      await expect(writePdfReport(syntheticRun({ hosts: 1 }), path.join(dir, 'none.pdf'))).rejects.toThrow(/^no Chromium at .*no-chromium/);
    } finally {
      if (before === undefined) delete process.env.FLEET_SCAN_CHROMIUM;
      else process.env.FLEET_SCAN_CHROMIUM = before;
    }
    expect(readdirSync(dir)).not.toContain('none.pdf');
  });
});
