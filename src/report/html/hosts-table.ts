// One row per host: how its scan ended, its counts, and the problems it has; filterable and sortable.
import type { RunRecord } from '../../record/run-record.js';
import { isReadyHost } from '../../history/trend.js';
import { failurePhrase } from '../problem-sentence.js';
import { anchorId } from './escape.js';
import { h, join, type Markup } from './markup.js';
import { dataTable, distinct, filterControls, matchValue, statusLabel } from './widgets.js';

export function hostsSection(record: RunRecord): Markup {
  const checks = new Map(record.checks.map((c) => [c.id, c]));
  const rows = record.hosts.map((host) => {
    const count = (status: string) => host.checks.filter((c) => c.status === status).length;
    const problems = host.checks
      .filter((c) => c.status === 'fail')
      .map((c) => h`<a href="${`#${anchorId('check', c.id)}`}">${failurePhrase(checks.get(c.id), c.id)}</a>`);
    const ready = isReadyHost(host);
    return h`<tr data-status="${matchValue([host.status])}" data-ready="${matchValue([ready ? 'ready' : 'not ready'])}" data-cloud="${matchValue([host.cloud])}" data-tag="${matchValue(host.tags)}"><td>${host.name}</td><td>${host.cloud}</td><td>${host.tags.join(', ')}</td><td>${statusLabel(host.status)}</td><td>${ready ? 'ready' : 'not ready'}</td><td class="num">${count('fail')}</td><td class="num">${count('warn')}</td><td class="num">${count('error')}</td><td>${join(problems, '; ')}${host.status !== 'ok' && host.reason ? host.reason : ''}</td></tr>`;
  });
  const controls = filterControls('hosts', 'hosts', [
    { match: 'ready', label: 'readiness', options: ['ready', 'not ready'] },
    { match: 'status', label: 'status', options: distinct(record.hosts.map((h) => h.status)) },
    { match: 'cloud', label: 'cloud', options: distinct(record.hosts.map((h) => h.cloud)) },
    { match: 'tag', label: 'tag', options: distinct(record.hosts.flatMap((h) => h.tags)) },
  ]);
  const columns = [
    { label: 'host', sort: 'text' }, { label: 'cloud', sort: 'text' }, { label: 'tags', sort: 'text' }, { label: 'status', sort: 'text' },
    { label: 'ready', sort: 'text' }, { label: 'fail', sort: 'number', numeric: true }, { label: 'warn', sort: 'number', numeric: true },
    { label: 'error', sort: 'number', numeric: true }, { label: 'problems', sort: 'text' },
  ] as const;
  return h`<section id="hosts"><h2>Hosts</h2>${controls}${dataTable('hosts', columns, rows)}</section>`;
}
