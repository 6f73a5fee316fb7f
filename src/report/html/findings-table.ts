// Every finding (a check that failed, warned, broke or was waived on a host) with the host's own words
// and evidence, filterable by status, check and cloud, sortable by any column.
import type { CheckOutcome } from '../../record/check-result.js';
import type { CheckMetadata } from '../../record/check-metadata.js';
import type { HostResult, RunRecord } from '../../record/run-record.js';
import { failurePhrase, findingSentence } from '../problem-sentence.js';
import { anchorId } from './escape.js';
import { h, join, type Markup } from './markup.js';
import { dataTableEnds, distinct, filterControls, matchValue, statusLabel } from './widgets.js';

const FINDING_STATUSES: ReadonlySet<string> = new Set(['fail', 'warn', 'error', 'waived']);

// A failure is named by its check's phrase; anything else in the host's own words (a warning is not the failure).
function finding(check: CheckMetadata | undefined, outcome: CheckOutcome): string {
  if (outcome.status === 'fail') return findingSentence(failurePhrase(check, outcome.id), outcome);
  if (outcome.status === 'waived') return `Waived (${outcome.waiver?.justification ?? 'no justification'}): ${outcome.summary}`;
  return outcome.reason && outcome.status === 'error' ? `${outcome.summary} (${outcome.reason})` : outcome.summary;
}

/** The rows of one host's findings. */
export function findingRows(checks: ReadonlyMap<string, CheckMetadata>, host: HostResult): Markup[] {
  const rows: Markup[] = [];
  for (const outcome of host.checks) {
    if (!FINDING_STATUSES.has(outcome.status)) continue;
    const evidence = outcome.evidence.length > 0 ? h`<ul class="evidence">${outcome.evidence.map((line) => h`<li>${line}</li>`)}</ul>` : '';
    rows.push(
      h`<tr data-status="${matchValue([outcome.status])}" data-check="${matchValue([outcome.id])}" data-cloud="${matchValue([host.cloud])}"><td>${host.name}</td><td>${statusLabel(outcome.status)}</td><td><a href="${`#${anchorId('check', outcome.id)}`}">${outcome.id}</a></td><td>${finding(checks.get(outcome.id), outcome)}</td><td>${evidence}</td></tr>`,
    );
  }
  return rows;
}

/**
 * The section around the rows, from the outcomes' statuses alone (a digest of the run will do), or the
 * whole section when no host has a finding.
 */
export function findingsEnds(record: RunRecord): { open: Markup; close: Markup } | { none: Markup } {
  const statuses = distinct(record.hosts.flatMap((h) => h.checks.map((c) => c.status)).filter((s) => FINDING_STATUSES.has(s)));
  if (statuses.length === 0) return { none: h`<section id="findings"><h2>Findings</h2><p>No check failed, warned or broke on any host.</p></section>` };
  const ids = distinct(record.hosts.flatMap((h) => h.checks.filter((c) => FINDING_STATUSES.has(c.status)).map((c) => c.id)));
  const controls = filterControls('findings', 'findings', [
    { match: 'status', label: 'status', options: statuses },
    { match: 'check', label: 'check', options: ids },
    { match: 'cloud', label: 'cloud', options: distinct(record.hosts.map((h) => h.cloud)) },
  ]);
  const columns = [{ label: 'host', sort: 'text' }, { label: 'status', sort: 'text' }, { label: 'check', sort: 'text' }, { label: 'finding', sort: 'text' }, { label: 'evidence' }] as const;
  const table = dataTableEnds('findings', columns);
  return { open: h`<section id="findings"><h2>Findings</h2>${controls}${table.open}`, close: h`${table.close}</section>` };
}

export function findingsSection(record: RunRecord): Markup {
  const ends = findingsEnds(record);
  if ('none' in ends) return ends.none;
  const checks = new Map(record.checks.map((c) => [c.id, c]));
  return h`${ends.open}${join(record.hosts.flatMap((host) => findingRows(checks, host)), '\n')}${ends.close}`;
}
