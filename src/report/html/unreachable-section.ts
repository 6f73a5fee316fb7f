// Hosts whose scan did not complete, with why in the transport's own words.
import type { RunRecord } from '../../record/run-record.js';
import { h, type Markup } from './markup.js';
import { dataTable, statusLabel } from './widgets.js';

export function unreachableSection(record: RunRecord): Markup {
  const hosts = record.hosts.filter((h) => h.status !== 'ok');
  if (hosts.length === 0) return h`<section id="unreachable"><h2>Hosts not scanned</h2><p>Every host was scanned.</p></section>`;
  const rows = hosts.map((host) => {
    const finished = host.checks.filter((c) => c.status !== 'not-run').length;
    const why = host.reason ?? host.termination.detail ?? '';
    return h`<tr><td>${host.name}</td><td>${host.address}</td><td>${host.transport}</td><td>${statusLabel(host.status)}</td><td>${host.termination.reason}</td><td>${why}</td><td class="num">${finished}</td></tr>`;
  });
  const columns = [
    { label: 'host', sort: 'text' }, { label: 'address', sort: 'text' }, { label: 'transport', sort: 'text' }, { label: 'status', sort: 'text' },
    { label: 'ended by', sort: 'text' }, { label: 'reason', sort: 'text' }, { label: 'checks finished', sort: 'number', numeric: true },
  ] as const;
  return h`<section id="unreachable"><h2>${`Hosts not scanned (${hosts.length})`}</h2>${dataTable('unreachable', columns, rows)}</section>`;
}
