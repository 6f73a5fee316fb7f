import { describe, expect, it } from 'vitest';
import type { TrendPoint } from '../../../src/record/run-record.js';
import { readinessPercent, trendChart } from '../../../src/report/html/trend-chart.js';

const point = (day: number, ready: number, newFailures: number | null): TrendPoint => ({
  runId: `r${day}`, startedAt: `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`, hosts: 10, readyHosts: ready, failingHosts: 10 - ready, unreachableHosts: 0, newFailures,
});

describe('trendChart', () => {
  it('draws nothing from fewer than two runs', () => {
    expect(trendChart([])).toBeUndefined();
    expect(trendChart([point(1, 5, null)])).toBeUndefined();
  });

  it('draws one readiness dot and one new-failures bar per run, labelled by day', () => {
    const svg = trendChart([point(20, 4, null), point(21, 6, 3), point(22, 9, 1)])!.text;
    expect(svg.match(/<circle class="ready-dot"/g)).toHaveLength(3);
    expect(svg.match(/<rect class="new-bar"/g)).toHaveLength(3);
    expect(svg).toContain('>11-21</text>');
    expect(svg).toContain('<title>11-22: 90% ready (9 of 10)</title>');
    expect(svg).toContain('<title>11-20: no earlier run to compare</title>');
    expect(svg).toContain('Readiness from 40% to 90% over 3 runs');
  });

  it('adds the time to the labels when two runs fall on the same day', () => {
    const svg = trendChart([point(20, 4, null), { ...point(20, 5, 0), startedAt: '2026-11-20T14:30:00.000Z' }])!.text;
    expect(svg).toContain('>11-20 14:30</text>');
  });
});

describe('readinessPercent', () => {
  it('is the rounded share of ready hosts, and 0 for a run without hosts', () => {
    expect(readinessPercent(point(1, 2, null))).toBe(20);
    expect(readinessPercent({ ...point(1, 0, null), hosts: 0 })).toBe(0);
  });
});
