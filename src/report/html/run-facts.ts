// Waivers that were applied or need attention, and the facts of the run: who, where, with what settings.
import type { RunRecord } from '../../record/run-record.js';
import { formatDuration } from '../format.js';
import { h, type Markup } from './markup.js';
import { plainTable } from './widgets.js';

export function waiversSection(record: RunRecord): Markup {
  if (record.waivers.length === 0) return h``;
  const rows = record.waivers.map(
    (w) => h`<tr><td>${w.state}</td><td>${w.host}</td><td>${w.check}</td><td>${w.owner}</td><td>${w.expires}</td><td class="num">${w.matched}</td><td>${w.justification}</td></tr>`,
  );
  const columns = ['state', 'host', 'check', 'owner', 'expires', 'matched', 'justification'].map((label) => ({ label, numeric: label === 'matched' }));
  return h`<section id="waivers"><h2>Waivers</h2>${plainTable(columns, rows)}</section>`;
}

export function runFactsSection(record: RunRecord): Markup {
  const p = record.parameters;
  const facts: [string, string][] = [
    ['Started', record.startedAt],
    ['Finished', record.finishedAt],
    ['Duration', formatDuration(record.durationMs)],
    ['Run by', record.user],
    ['Controller', record.controller],
    ['Inventory', `${record.inventory.path} (${record.inventory.hostCount} hosts)`],
    ['Pack', `${record.pack.name} ${record.pack.version}`],
    ['Tool', `${record.tool.name} ${record.tool.version}`],
    ['Settings', `concurrency ${p.concurrency} · deadline ${formatDuration(p.deadlineMs)} · connect timeout ${formatDuration(p.connectTimeoutMs)} · fail on ${p.failOn}`],
    ['Selection', `checks: ${p.checks?.join(', ') ?? 'all'} · tags: ${p.tags?.join(', ') ?? 'all'}`],
    ['Run id', record.runId],
    ['Record', record.schema],
  ];
  const rows = facts.map(([label, value]) => h`<tr><th scope="row">${label}</th><td>${value}</td></tr>`);
  return h`<section id="run"><h2>The run</h2><div class="scroll"><table><tbody>${rows}</tbody></table></div></section>`;
}
