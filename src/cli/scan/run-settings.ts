import type { Pack } from '../../checks/catalog.js';
import type { FailOn } from '../../policy/exit-code.js';
import type { RunParameters } from '../../record/run-record.js';
import { durationFlag, listFlag } from '../durations.js';
import { UsageError } from '../usage-error.js';

/** How the fleet is scanned: from the flags, or from the journal of the run being resumed (which then wins). */
export interface RunSettings {
  checkIds: string[] | null;
  tags: string[] | null;
  deadlineMs: number;
  concurrency: number;
  failOn: FailOn;
  /** --connect-timeout, overriding every host's own; undefined keeps the inventory's. */
  connectTimeoutMs: number | undefined;
}

export interface RunFlags {
  checks?: string[];
  tags?: string[];
  deadline: string;
  connectTimeout?: string;
  concurrency: number;
  failOn: FailOn;
}

/** Reads and checks the run's flags; with `saved` (a resumed run's parameters) the flags are not read at all. */
export function runSettings(args: RunFlags, pack: Pack, saved?: RunParameters): RunSettings {
  const concurrency = saved?.concurrency ?? args.concurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1024) {
    throw new UsageError(`--concurrency: must be a whole number from 1 to 1024, got ${args.concurrency}`);
  }
  if (saved) {
    const { checks, tags, deadlineMs, failOn, connectTimeoutMs } = saved;
    return { checkIds: checks, tags, deadlineMs, concurrency, failOn, connectTimeoutMs };
  }
  return {
    checkIds: knownChecks(pack, listFlag(args.checks, 'checks')),
    tags: listFlag(args.tags, 'tags'),
    deadlineMs: durationFlag('deadline', args.deadline),
    concurrency,
    failOn: args.failOn,
    connectTimeoutMs: args.connectTimeout === undefined ? undefined : durationFlag('connect-timeout', args.connectTimeout),
  };
}

function knownChecks(pack: Pack, wanted: string[] | null): string[] | null {
  if (!wanted) return null;
  const known = new Set(pack.checks.map((c) => c.id));
  const unknown = wanted.filter((id) => !known.has(id));
  if (unknown.length) throw new UsageError(unknown.map((id) => `--checks: pack ${pack.name} has no check "${id}" (see: fleet-scan checks --pack ${pack.name})`));
  return wanted;
}
