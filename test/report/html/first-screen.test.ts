import { describe, expect, it } from 'vitest';
import { BLOCKERS_LISTED, firstScreen } from '../../../src/report/html/first-screen.js';
import { html } from '../../../src/report/html/escape.js';
import { summarizeRun } from '../../../src/report/summarize.js';
import { syntheticRun } from '../../helpers/synthetic-run.js';

const screen = (record = syntheticRun({ hosts: 40, changes: true })) => firstScreen(record, summarizeRun(record), 'fleet-scan: MARS readiness').text;

describe('firstScreen', () => {
  it('states the verdict of the run summary', () => {
    const record = syntheticRun({ hosts: 40 });
    expect(screen(record)).toContain(`<p id="verdict" class="verdict failing">${html(summarizeRun(record).verdict)}</p>`);
  });

  it('counts ready, failing and unscanned hosts, and new failures when there was a previous run', () => {
    const record = syntheticRun({ hosts: 40, changes: true, unreachableRate: 0.1 });
    const summary = summarizeRun(record);
    const text = screen(record);
    expect(text).toContain(`<b id="count-failing">${summary.failingHosts}</b>`);
    expect(text).toContain(`<b id="count-unscanned">${summary.unscannedHosts}</b>`);
    expect(text).toContain(`<b id="count-new">${record.changes!.changes.filter((c) => c.kind === 'new-failure').length}</b>`);
    expect(screen(syntheticRun({ hosts: 5 }))).not.toContain('count-new');
  });

  it('ranks blockers by failing hosts, names them by their problem, and counts those it does not list', () => {
    const record = syntheticRun({ hosts: 300 });
    const failing = summarizeRun(record).checks.filter((c) => c.counts.fail > 0);
    const text = screen(record);
    const listed = [...text.matchAll(/<tr data-check="([^"]+)"><td class="num">\d+<\/td><td><a [^>]+>([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(listed).toEqual(failing.slice(0, BLOCKERS_LISTED).map((c) => [c.id, html(c.failure)]));
    expect(text).toContain(`and ${failing.length - BLOCKERS_LISTED} more problems`);
  });

  it('says there is no trend yet without two runs, and draws it with them', () => {
    expect(screen()).toContain('No trend yet');
    const record = syntheticRun({ hosts: 5 });
    record.trend = [1, 2].map((n) => ({ runId: `r${n}`, startedAt: `2026-11-2${n}T02:00:00.000Z`, hosts: 5, readyHosts: n, failingHosts: 1, unreachableHosts: 0, newFailures: null }));
    expect(screen(record)).toContain('Trend over the last 2 runs');
    expect(screen(record)).toContain('<svg class="chart"');
  });

  it('says when the run was interrupted', () => {
    expect(screen(syntheticRun({ hosts: 3, interrupted: true }))).toContain('The run was interrupted');
  });
});
