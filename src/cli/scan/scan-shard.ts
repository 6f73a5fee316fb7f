import { existsSync } from 'node:fs';
import path from 'node:path';
import { EXIT_CODES } from '../../policy/exit-code.js';
import { fleetDigest, shardHosts, siteHosts } from '../../inventory/shard.js';
import { SITE_PATTERN, type Inventory, type ResolvedHost } from '../../inventory/schema.js';
import { errorLine } from '../../record/one-line.js';
import type { RunRecord } from '../../record/run-record.js';
import type { Shard } from '../../record/shard.js';
import { reportBaseName, type WriteReportsOptions } from '../../report/write-reports.js';
import { journalPathFor, readJournal, type JournalContents } from '../../runner/journal.js';
import { UsageError } from '../usage-error.js';
import type { RunSettings } from './run-settings.js';

export interface ShardArgs {
  /** `--shard K/N`. */
  shard?: string;
  /** `--shards N`, the index from JOB_COMPLETION_INDEX (a Kubernetes Indexed Job's pod). */
  shards?: number;
  site?: string;
  runId?: string;
  resume?: string;
  history?: string | boolean;
}

/** A scan of one slice of the fleet, under a run id every slice shares. */
export interface ShardScan {
  runId: string;
  /** What the run record says about the slice; absent for a whole-fleet scan under a given --run-id. */
  shard?: Shard;
  /** The slice's hosts, in inventory order (may be none: a small fleet leaves some shards empty). */
  hosts: ResolvedHost[];
  /** The journal: `fleet-scan-<run>[-<site>]-shard-KofN.journal.jsonl` beside the reports. */
  journalFile: string;
  /** The journal an earlier attempt of this same slice left: a retry finishes it, scanning only the rest. */
  retried?: { file: string; journal: JournalContents };
  /** Default report paths named like the journal, so shards sharing one folder never overwrite each other. */
  reports: WriteReportsOptions;
  /** The run settings, with the connect timeout the record keeps taken over every selected host, so all shards record the same. */
  settings: RunSettings;
}

export interface ShardInput {
  inventory: Inventory;
  /** The hosts the filters (--host, --tags) selected, before any split. */
  selected: ResolvedHost[];
  /** --host patterns, or null. */
  hostPatterns: string[] | null;
  settings: RunSettings;
  reports: WriteReportsOptions;
}

const RUN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * `--shard K/N` (or `--shards N` with JOB_COMPLETION_INDEX), `--site NAME` and `--run-id ID`: which slice
 * of the selected hosts this controller scans. Undefined without any of them: the scan is the usual one.
 * A slice's run is recorded by `fleet-scan merge`, never in the history by itself.
 */
export function scanShard(args: ShardArgs, input: ShardInput, env: NodeJS.ProcessEnv = process.env): ShardScan | undefined {
  const { inventory, selected, hostPatterns, settings, reports } = input;
  const slice = shardSlice(args, env);
  if (!slice && args.site === undefined && args.runId === undefined) return undefined;
  if (args.resume !== undefined) throw new UsageError('--resume continues a run by its journal; with --run-id a scan continues its own run: give one of them');
  const runId = args.runId;
  if (runId === undefined) throw new UsageError('--shard/--shards/--site: shards of one run share a run id: give --run-id ID, the same on every shard');
  if (!RUN_ID_PATTERN.test(runId)) throw new UsageError(`--run-id: must be letters, digits, ".", "_" or "-" (up to 128), starting with a letter or digit, got ${JSON.stringify(runId)}`);
  if ((slice || args.site !== undefined) && args.history !== undefined && args.history !== false) {
    throw new UsageError('--history: a shard is recorded once merged (fleet-scan merge --history), not on its own');
  }
  let hosts = selected;
  if (args.site !== undefined) {
    if (!SITE_PATTERN.test(args.site)) throw new UsageError(`--site: must be a site name (letters, digits, ".", "_" or "-", up to 64), got ${JSON.stringify(args.site)}`);
    hosts = siteHosts(selected, args.site);
    if (hosts.length === 0) throw new UsageError(`--site: no selected host of ${inventory.path} is in site "${args.site}"${knownSites(selected)}`);
  }
  const shard: Shard | undefined = slice || args.site !== undefined
    ? {
        index: slice?.index ?? 1,
        count: slice?.count ?? 1,
        ...(args.site !== undefined && { site: hosts[0]!.site! }),
        ...(hostPatterns && { hostPatterns }),
        fleetDigest: fleetDigest(inventory.hosts),
      }
    : undefined;
  if (shard) hosts = shardHosts(hosts, shard);
  const id = shard ? `${runId}-${shard.site ? `${shard.site}-` : ''}shard-${shard.index}of${shard.count}` : runId;
  const journalFile = journalPathFor(reports.outDir, id);
  const base = path.join(reports.outDir, reportBaseName(id));
  const retried = existsSync(journalFile) ? { file: journalFile, journal: readRetried(journalFile, runId, hosts, settings) } : undefined;
  return {
    runId,
    ...(shard && { shard }),
    hosts,
    journalFile,
    ...(retried && { retried }),
    reports: { ...reports, json: reports.json ?? `${base}.json`, xlsx: reports.xlsx ?? `${base}.xlsx` },
    settings: { ...settings, connectTimeoutMs: settings.connectTimeoutMs ?? Math.max(...selected.map((h) => h.connectTimeoutMs)) },
  };
}

/** `--shard K/N`, or `--shards N` with the 0-based index Kubernetes gives an Indexed Job's pod. */
function shardSlice(args: ShardArgs, env: NodeJS.ProcessEnv): { index: number; count: number } | undefined {
  if (args.shard !== undefined && args.shards !== undefined) throw new UsageError('--shard K/N and --shards N: give one (--shards reads K from JOB_COMPLETION_INDEX)');
  if (args.shard !== undefined) {
    const m = /^(\d{1,4})\/(\d{1,4})$/.exec(args.shard.trim());
    const index = Number(m?.[1]);
    const count = Number(m?.[2]);
    if (!m || index < 1 || count < 1 || index > count) throw new UsageError(`--shard: must be K/N with 1 <= K <= N (shard 3 of 8 is 3/8), got ${JSON.stringify(args.shard)}`);
    return { index, count };
  }
  if (args.shards === undefined) return undefined;
  const count = args.shards;
  if (!Number.isInteger(count) || count < 1 || count > 9999) throw new UsageError(`--shards: must be a whole number from 1 to 9999, got ${count}`);
  const raw = env.JOB_COMPLETION_INDEX;
  if (raw === undefined || raw === '') {
    throw new UsageError('--shards N: JOB_COMPLETION_INDEX is not set (a Kubernetes Indexed Job sets it in each pod; elsewhere give --shard K/N)');
  }
  const zeroBased = /^\d{1,4}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(zeroBased < count)) throw new UsageError(`JOB_COMPLETION_INDEX: must be a whole number from 0 to ${count - 1} with --shards ${count}, got ${JSON.stringify(raw)}`);
  return { index: zeroBased + 1, count };
}

function knownSites(hosts: readonly ResolvedHost[]): string {
  const sites = [...new Set(hosts.flatMap((h) => (h.site ? [h.site] : [])))].sort();
  return sites.length > 0 ? ` (sites: ${sites.slice(0, 10).join(', ')}${sites.length > 10 ? ', ...' : ''})` : ' (no host has a site)';
}

// A retry of the same slice (a Job's pod restarted) continues the journal its first attempt left, if that
// journal is of this run, this slice and the same --checks and --tags; anything else is not a retry, and
// scanning on over it would mix two runs in one record.
function readRetried(file: string, runId: string, hosts: readonly ResolvedHost[], settings: RunSettings): JournalContents {
  let journal: JournalContents;
  try {
    journal = readJournal(file);
  } catch (error) {
    throw new UsageError(`--run-id: ${errorLine(error)}`);
  }
  const same = journal.header.runId === runId
    && journal.header.hostNames.length === hosts.length
    && journal.header.hostNames.every((name, i) => name === hosts[i]!.name);
  if (!same) throw new UsageError(`--run-id ${runId}: ${file} was started for other hosts (the inventory changed?): give a new --run-id`);
  const saved = journal.header.parameters;
  if (JSON.stringify([saved.checks, saved.tags]) !== JSON.stringify([settings.checkIds, settings.tags])) {
    throw new UsageError(`--run-id ${runId}: ${file} was started with other --checks or --tags: give a new --run-id`);
  }
  return journal;
}

const FINDINGS: ReadonlySet<number> = new Set([EXIT_CODES.checkFailed.code, EXIT_CODES.hostUnseen.code, EXIT_CODES.both.code]);

/**
 * `--no-findings-exit`: 0 once the run record is written whatever it found (a Kubernetes Job would retry
 * an index that exits 1, 4 or 5, scanning the same hosts again for the same findings); the merge's exit
 * code judges the run. Bad input, a bug, an interrupt or an unwritten record keep their code: a retry helps those.
 */
export function recordExitCode(code: number, recordWritten: boolean, say: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): number {
  if (!FINDINGS.has(code) || !recordWritten) return code;
  say(`Exit 0 (--no-findings-exit): the run record is complete; fleet-scan merge gives the run's exit code.`);
  return EXIT_CODES.clean.code;
}

const FLEET_JUDGED_BY_MERGE = 'judged over the whole fleet by fleet-scan merge';

/**
 * The run record of a shard: its slice named, and no fleet-side verdict of its own. A slice cannot judge
 * the fleet (two servers of one name on two shards are each alone in theirs): those checks are `not-run`
 * here, and the merge runs them over every host.
 */
export function asShardRecord(record: RunRecord, shard: Shard): RunRecord {
  const fleet = new Set(record.checks.filter((c) => c.kind === 'fleet').map((c) => c.id));
  const hosts = record.hosts.map((h) => ({
    ...h,
    checks: h.checks.map((c) => (fleet.has(c.id) ? { id: c.id, status: 'not-run' as const, summary: FLEET_JUDGED_BY_MERGE, evidence: [], reason: FLEET_JUDGED_BY_MERGE } : c)),
  }));
  return { ...record, shard, hosts };
}
