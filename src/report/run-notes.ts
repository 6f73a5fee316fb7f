import type { RunRecord } from '../record/run-record.js';
import { plural } from './format.js';

/**
 * What a reader must know about how the hosts were seen, in one sentence each: lab hosts whose Windows
 * state was staged, and hosts reached without a certificate check. Every report shows the same notes.
 */
export function runNotes(record: RunRecord): string[] {
  const notes: string[] = [];
  const staged = record.hosts.filter((h) => h.staged).length;
  if (staged > 0) notes.push(`${plural(staged, 'host')} of a lab: their Windows state came from staged state files, not from real Windows machines.`);
  const unchecked = record.hosts.filter((h) => h.certificateUnchecked).map((h) => h.name);
  if (unchecked.length > 0) {
    const names = unchecked.slice(0, 5).join(', ') + (unchecked.length > 5 ? ', …' : '');
    notes.push(`${plural(unchecked.length, 'host')} reached over HTTPS without checking the certificate (skipCertificateCheck): ${names}.`);
  }
  return notes;
}
