// The words every summary uses for a problem: a check's failure phrase, never its title (a title says
// what should hold, "System clock correct", which reads as good news in a list of what is wrong).
import type { CheckMetadata } from '../record/check-metadata.js';
import type { CheckOutcome } from '../record/check-result.js';
import type { RunRecord } from '../record/run-record.js';
import { incompleteLine } from '../record/shard.js';
import { plural } from './format.js';
import type { RunSummary } from './summarize.js';

/** How many problems the verdict names before it says "and N more". */
export const VERDICT_PROBLEMS = 3;

/** A check's failure phrase; an outcome for a check missing from the catalogue is named by its id. */
export function failurePhrase(check: Pick<CheckMetadata, 'failure'> | undefined, id: string): string {
  return check?.failure ?? `Check ${id} failed`;
}

/** One failing host's problem: the check's phrase, then what the host itself said, e.g. "Clock off by 5 minutes or more: Clock off by 600 s". */
export function findingSentence(failure: string, outcome: Pick<CheckOutcome, 'summary'>): string {
  const said = outcome.summary.trim();
  return said && said !== failure ? `${failure}: ${said}` : failure;
}

function packLabel(record: RunRecord): string {
  return record.pack.name.length <= 5 ? record.pack.name.toUpperCase() : record.pack.name;
}

/** `registration`, `installation` or `installation or registration`, from the phases of the failing checks. */
function phaseLabel(checks: CheckMetadata[], failingIds: string[]): string {
  const phases = new Set(checks.filter((c) => failingIds.includes(c.id)).map((c) => c.phase));
  if (phases.size === 1 && phases.has('registration')) return 'registration';
  if (phases.size === 1 && phases.has('install')) return 'installation';
  return 'installation or registration';
}

/** `A on 3, B on 2 and C on 1`, the most hosts first, at most `limit` named. */
function problemList(failing: RunSummary['checks'], limit: number): string {
  const named = failing.slice(0, limit).map((c) => `${c.failure} on ${c.counts.fail}`);
  const rest = failing.length - named.length;
  if (rest > 0) return `${named.join(', ')} and ${plural(rest, 'more problem')}`;
  return named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : (named[0] ?? '');
}

/**
 * The verdict a manager can quote, naming the problems, e.g.
 * "37 of 412 servers will fail MARS registration: Clock off by 5 minutes or more on 19, .NET Framework older than 4.8 on 6
 * and 2 more problems; 12 could not be scanned."
 * A merged run missing a shard says so first: "incomplete: shard 3/8 missing. 37 of 412 servers ...".
 */
export function verdictSentence(record: RunRecord, summary: Omit<RunSummary, 'verdict'>): string {
  const total = record.hosts.length;
  const servers = total === 1 ? 'server' : 'servers';
  const failing = summary.checks.filter((c) => c.counts.fail > 0);
  const parts: string[] = [];
  if (summary.failingHosts > 0) {
    const phase = phaseLabel(record.checks, failing.map((c) => c.id));
    parts.push(`${summary.failingHosts} of ${total} ${servers} will fail ${packLabel(record)} ${phase}: ${problemList(failing, VERDICT_PROBLEMS)}`);
  } else {
    const scanned = total - summary.unscannedHosts;
    parts.push(`No failures: ${scanned} of ${total} ${servers} scanned, none will fail ${packLabel(record)} installation or registration`);
  }
  if (summary.unscannedHosts > 0) parts.push(`${summary.unscannedHosts} could not be scanned`);
  const incomplete = incompleteLine(record.merged);
  return (incomplete ? `${incomplete}. ` : '') + parts.join('; ') + '.';
}
