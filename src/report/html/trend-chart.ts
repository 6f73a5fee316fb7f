// The trend over the last runs as hand-written inline SVG: readiness (share of ready hosts) as a line on
// the left axis, new failures as bars on the right axis. No library, nothing to load.
import type { TrendPoint } from '../../record/run-record.js';
import { h, type Markup } from './markup.js';

const W = 720;
const H = 230;
const PAD = { left: 44, right: 44, top: 14, bottom: 40 };

/** Readiness of one run in percent (0 when it had no hosts). */
export function readinessPercent(point: TrendPoint): number {
  return point.hosts > 0 ? Math.round((point.readyHosts / point.hosts) * 100) : 0;
}

// Runs on different days are labelled by day; runs on the same day need the time too.
function labels(points: readonly TrendPoint[]): string[] {
  const days = points.map((p) => p.startedAt.slice(5, 10));
  const sameDay = new Set(days).size < days.length;
  return points.map((p, i) => (sameDay ? `${days[i]} ${p.startedAt.slice(11, 16)}` : days[i]!));
}

/** The chart, or undefined when there are fewer than two runs to draw a trend from. */
export function trendChart(points: readonly TrendPoint[]): Markup | undefined {
  if (points.length < 2) return undefined;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / points.length;
  const x = (i: number) => PAD.left + step * (i + 0.5);
  const yPct = (pct: number) => PAD.top + plotH * (1 - pct / 100);
  const maxNew = Math.max(1, ...points.map((p) => p.newFailures ?? 0));
  const barH = (n: number) => (plotH * n) / maxNew;
  const names = labels(points);
  const every = Math.ceil(points.length / 10);

  const grid = [0, 25, 50, 75, 100].map(
    (pct) => h`<line class="grid-line" x1="${PAD.left}" x2="${W - PAD.right}" y1="${yPct(pct)}" y2="${yPct(pct)}"/><text x="${PAD.left - 6}" y="${yPct(pct) + 4}" text-anchor="end">${pct}%</text>`,
  );
  const bars = points.map((p, i) => {
    const n = p.newFailures ?? 0;
    const w = Math.min(28, step * 0.5);
    return h`<rect class="new-bar" x="${(x(i) - w / 2).toFixed(1)}" y="${(PAD.top + plotH - barH(n)).toFixed(1)}" width="${w.toFixed(1)}" height="${barH(n).toFixed(1)}"><title>${`${names[i]}: ${p.newFailures === null ? 'no earlier run to compare' : `${n} new failures`}`}</title></rect>`;
  });
  const line = points.map((p, i) => `${x(i).toFixed(1)},${yPct(readinessPercent(p)).toFixed(1)}`).join(' ');
  const dots = points.map(
    (p, i) => h`<circle class="ready-dot" cx="${x(i).toFixed(1)}" cy="${yPct(readinessPercent(p)).toFixed(1)}" r="3.5"><title>${`${names[i]}: ${readinessPercent(p)}% ready (${p.readyHosts} of ${p.hosts})`}</title></circle>`,
  );
  const xLabels = points.map((_p, i) =>
    i % every === 0 || i === points.length - 1 ? h`<text x="${x(i).toFixed(1)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${names[i]}</text>` : '',
  );
  const rightAxis = h`<text x="${W - PAD.right + 6}" y="${PAD.top + 4}">${maxNew}</text><text x="${W - PAD.right + 6}" y="${PAD.top + plotH + 4}">0</text>`;
  const summary = `Readiness from ${readinessPercent(points[0]!)}% to ${readinessPercent(points.at(-1)!)}% over ${points.length} runs; new failures per run shown as bars.`;
  return h`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="trend-title trend-desc"><title id="trend-title">Readiness and new failures per run</title><desc id="trend-desc">${summary}</desc>${grid}<line class="axis" x1="${PAD.left}" x2="${W - PAD.right}" y1="${PAD.top + plotH}" y2="${PAD.top + plotH}"/>${bars}<polyline class="ready-line" points="${line}"/>${dots}${xLabels}${rightAxis}<text x="${W - PAD.right + 6}" y="${H - 8}">new</text></svg>`;
}
