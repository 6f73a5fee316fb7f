// The first screen, what management reads: the verdict, the counts, readiness by group, the blockers
// ranked by hosts affected, and the trend over the last runs.
import type { RunRecord } from '../../record/run-record.js';
import { isReadyHost } from '../../history/trend.js';
import { formatDuration, plural } from '../format.js';
import { runNotes } from '../run-notes.js';
import type { RunSummary } from '../summarize.js';
import { anchorId } from './escape.js';
import { h, type Markup } from './markup.js';
import { readinessBy } from './readiness.js';
import { readinessPercent, trendChart } from './trend-chart.js';
import { percent, plainTable, shareBar } from './widgets.js';

const utc = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');

function header(record: RunRecord, title: string): Markup {
  return h`<header><h1>${title}</h1>
<p class="meta">${`${record.pack.name} ${record.pack.version} · run ${record.runId} · started ${utc(record.startedAt)} · ${plural(record.hosts.length, 'host')} in ${formatDuration(record.durationMs)}`}</p>
${record.interrupted ? h`<p class="alert">The run was interrupted: results are incomplete, and hosts not reached are marked not-run.</p>` : ''}
${runNotes(record).map((note) => h`<p class="note">${note}</p>`)}</header>`;
}

function tiles(record: RunRecord, summary: RunSummary): Markup {
  const total = record.hosts.length;
  const ready = record.hosts.filter(isReadyHost).length;
  const newFailures = record.changes?.changes.filter((c) => c.kind === 'new-failure').length;
  return h`<div class="tiles">
<div class="tile ready"><b id="count-ready">${ready}</b>${`of ${total} ready (${percent(ready, total)})`}</div>
<div class="tile failing"><b id="count-failing">${summary.failingHosts}</b>will fail</div>
<div class="tile unseen"><b id="count-unscanned">${summary.unscannedHosts}</b>could not be scanned</div>
${newFailures === undefined ? '' : h`<div class="tile new"><b id="count-new">${newFailures}</b>new failures since the last run</div>`}
</div>`;
}

function readiness(record: RunRecord): Markup {
  const tables = readinessBy(record).map(({ by, rows }) => {
    const body = rows.map(
      (r) =>
        h`<tr><td>${r.group}</td><td class="num">${r.hosts}</td><td class="num">${r.ready}</td><td class="num">${r.failing}</td><td class="num">${r.unscanned}</td><td class="nowrap">${shareBar(r.ready, r.hosts)} ${percent(r.ready, r.hosts)}</td></tr>`,
    );
    const columns = [{ label: by }, { label: 'hosts', numeric: true }, { label: 'ready', numeric: true }, { label: 'will fail', numeric: true }, { label: 'not scanned', numeric: true }, { label: 'readiness' }];
    return h`<div><h3>${`By ${by}`}</h3>${plainTable(columns, body)}</div>`;
  });
  return h`<section id="readiness"><h2>Readiness</h2><div class="grid">${tables}</div></section>`;
}

/** How many blockers the first screen lists; the rest are counted and found under Checks. */
export const BLOCKERS_LISTED = 10;

function blockers(record: RunRecord, summary: RunSummary): Markup {
  const failing = summary.checks.filter((c) => c.counts.fail > 0);
  if (failing.length === 0) return h`<section id="blockers"><h2>Blockers</h2><p>No check failed on any host.</p></section>`;
  const total = record.hosts.length;
  const rows = failing.slice(0, BLOCKERS_LISTED).map(
    (c, i) =>
      h`<tr data-check="${c.id}"><td class="num">${i + 1}</td><td><a href="${`#${anchorId('check', c.id)}`}">${c.failure}</a></td><td class="num">${c.counts.fail}</td><td class="nowrap">${shareBar(c.counts.fail, total, 'fail')} ${percent(c.counts.fail, total)}</td></tr>`,
  );
  const rest = failing.length - BLOCKERS_LISTED;
  const more = rest > 0 ? h`<p class="note">${`and ${plural(rest, 'more problem')}: see the checks below.`}</p>` : '';
  const columns = [{ label: '#', numeric: true }, { label: 'problem' }, { label: 'hosts', numeric: true }, { label: 'of the fleet' }];
  return h`<section id="blockers"><h2>Blockers, by hosts affected</h2>${plainTable(columns, rows)}${more}</section>`;
}

function trend(record: RunRecord): Markup {
  const points = record.trend ?? [];
  const chart = trendChart(points);
  if (!chart) {
    return h`<section id="trend"><h2>Trend</h2><p class="note">No trend yet: it needs at least two runs of this inventory and pack in the history.</p></section>`;
  }
  const rows = points.map(
    (p) =>
      h`<tr><td>${utc(p.startedAt)}</td><td>${p.runId}</td><td class="num">${p.hosts}</td><td class="num">${p.readyHosts}</td><td class="num">${`${readinessPercent(p)} %`}</td><td class="num">${p.failingHosts}</td><td class="num">${p.unreachableHosts}</td><td class="num">${p.newFailures ?? '–'}</td></tr>`,
  );
  const columns = ['started', 'run', 'hosts', 'ready', 'readiness', 'will fail', 'not reached', 'new failures'].map((label, i) => ({ label, numeric: i >= 2 }));
  return h`<section id="trend"><h2>${`Trend over the last ${points.length} runs`}</h2>
<p class="legend"><span class="ready">—</span> readiness (share of hosts ready) · <span class="new">▮</span> new failures per run</p>
${chart}
<details><summary>The numbers</summary>${plainTable(columns, rows)}</details></section>`;
}

/** The first screen of the report: one section, so it can be shown (or pictured) on its own. */
export function firstScreen(record: RunRecord, summary: RunSummary, title: string): Markup {
  const tone = summary.failingHosts > 0 ? 'failing' : summary.unscannedHosts > 0 ? 'unseen' : 'clean';
  return h`<section id="overview">${header(record, title)}
<p id="verdict" class="${`verdict ${tone}`}">${summary.verdict}</p>
${tiles(record, summary)}
${readiness(record)}
<div class="grid wide">${blockers(record, summary)}
${trend(record)}</div></section>`;
}
