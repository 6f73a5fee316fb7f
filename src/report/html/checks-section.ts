// One block per check: the problem it finds, why it matters, how to fix it and where that is documented,
// and which hosts have it.
import type { RunRecord } from '../../record/run-record.js';
import { failurePhrase } from '../problem-sentence.js';
import type { RunSummary } from '../summarize.js';
import { anchorId, safeHref } from './escape.js';
import { h, type Markup } from './markup.js';

/** How many affected host names a check block lists before it points to the findings table. */
export const HOSTS_LISTED = 40;

export function checksSection(record: RunRecord, summary: RunSummary): Markup {
  const meta = new Map(record.checks.map((c) => [c.id, c]));
  const blocks = summary.checks.map((tally) => {
    const check = meta.get(tally.id);
    const affected = record.hosts.filter((h) => h.checks.some((c) => c.id === tally.id && c.status === 'fail')).map((h) => h.name);
    const c = tally.counts;
    const counts = `fail ${c.fail} · warn ${c.warn} · pass ${c.pass} · skipped ${c.skipped} · error ${c.error} · not run ${c['not-run']} · waived ${c.waived}`;
    const href = check ? safeHref(check.source) : undefined;
    const hosts = affected.length === 0 ? '' : h`<p><b>Failing on:</b> ${affected.slice(0, HOSTS_LISTED).join(', ')}${affected.length > HOSTS_LISTED ? ` and ${affected.length - HOSTS_LISTED} more (filter the findings by this check)` : ''}</p>`;
    return h`<div class="check" id="${anchorId('check', tally.id)}"><h3>${failurePhrase(check, tally.id)} <span class="meta">${tally.id}</span></h3>
${check ? h`<p class="meta">${`Expected: ${check.title} · ${check.phase} · severity ${check.severity}${check.kind === 'fleet' ? ' · across the fleet' : ''}`}</p><p>${check.description}</p><p><b>Remediation:</b> ${check.remediation}</p>` : ''}
${href ? h`<p><b>Source:</b> <a href="${href}" rel="noopener noreferrer">${href}</a></p>` : ''}
<p class="meta">${counts}</p>${hosts}</div>`;
  });
  return h`<section id="checks"><h2>Checks</h2>${blocks}</section>`;
}
