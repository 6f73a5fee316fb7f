// What changed since the previous run of the same inventory and pack, most alarming first.
import type { RunRecord } from '../../record/run-record.js';
import { CHANGE_KIND_ORDER, sortChanges } from '../changes.js';
import { h, type Markup } from './markup.js';
import { dataTable, filterControls, matchValue } from './widgets.js';

export function changesSection(record: RunRecord): Markup {
  if (record.changes === null) {
    return h`<section id="changes"><h2>Changes since the previous run</h2><p class="note">No earlier run of this inventory and pack to compare with.</p></section>`;
  }
  const { changes, previousRunId, previousStartedAt } = record.changes;
  const title = `Changes since run ${previousRunId} (${previousStartedAt})`;
  if (changes.length === 0) return h`<section id="changes"><h2>${title}</h2><p>Nothing changed.</p></section>`;
  const kinds = CHANGE_KIND_ORDER.filter((k) => changes.some((c) => c.kind === k));
  const counts = kinds.map((k) => `${k} ${changes.filter((c) => c.kind === k).length}`).join(' · ');
  const rows = sortChanges(changes).map(
    (c) =>
      h`<tr data-kind="${matchValue([c.kind])}"><td data-value="${String(CHANGE_KIND_ORDER.indexOf(c.kind)).padStart(2, '0')}">${c.kind}</td><td>${c.host}</td><td>${c.check ?? ''}</td><td>${c.before ?? '–'} → ${c.after ?? '–'}</td><td>${c.detail}</td></tr>`,
  );
  const columns = [{ label: 'change', sort: 'text' }, { label: 'host', sort: 'text' }, { label: 'check', sort: 'text' }, { label: 'status' }, { label: 'detail', sort: 'text' }] as const;
  return h`<section id="changes"><h2>${title}</h2><p class="meta">${counts}</p>${filterControls('changes', 'changes', [{ match: 'kind', label: 'change', options: kinds }])}${dataTable('changes', columns, rows)}</section>`;
}
