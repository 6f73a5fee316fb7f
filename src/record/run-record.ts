import { z } from 'zod';
import { checkMetadataSchema, cloudSchema } from './check-metadata.js';
import { checkOutcomeSchema, hostStatusSchema } from './check-result.js';
import { mergedSchema, shardSchema } from './shard.js';
import { terminationFromStatus, terminationSchema } from './termination.js';

/** run@2 added each host's `termination`; run@1 records are upgraded on reading. */
export const RUN_RECORD_SCHEMA = 'fleet-scan/run@2';
const RUN_RECORD_V1 = 'fleet-scan/run@1';

/** One host in a run: how the scan of it ended and one outcome per selected check. */
export const hostResultSchema = z.strictObject({
  name: z.string(),
  address: z.string(),
  transport: z.enum(['ssh', 'ssh-exec', 'winrm', 'local']),
  cloud: cloudSchema,
  tags: z.array(z.string()),
  /** The inventory's `site`: the network segment the host is scanned from. */
  site: z.string().optional(),
  vault: z.string().optional(),
  status: hostStatusSchema,
  /** Why the scan of this host ended; `status` follows from it (HOST_STATUS_FOR). */
  termination: terminationSchema,
  /** One line: why the host is not `ok` (ssh's own words where they exist). */
  reason: z.string().optional(),
  startedAt: z.string().optional(),
  durationMs: z.number().int().nonnegative().optional(),
  computerName: z.string().optional(),
  psVersion: z.string().optional(),
  /** A lab host: its Windows state was read from a staged state file, not from a real Windows machine. */
  staged: z.boolean().optional(),
  /** Reached over HTTPS without verifying its certificate (skipCertificateCheck): every report says so. */
  certificateUnchecked: z.literal(true).optional(),
  checks: z.array(checkOutcomeSchema),
});
export type HostResult = z.infer<typeof hostResultSchema>;

/** A waiver as applied to a run: what it matched, or that it expired or matched nothing. */
const waiverReportSchema = z.strictObject({
  host: z.string(),
  check: z.string(),
  justification: z.string(),
  owner: z.string(),
  expires: z.string(),
  state: z.enum(['applied', 'expired', 'unmatched']),
  matched: z.number().int().nonnegative(),
});
export type WaiverReport = z.infer<typeof waiverReportSchema>;

/** What changed since the previous run of the same inventory and pack. */
const changeSchema = z.strictObject({
  kind: z.enum([
    'new-failure', 'fixed', 'newly-unreachable', 'reachable-again', 'host-added', 'host-removed',
    'evidence-changed', 'status-changed',
  ]),
  host: z.string(),
  check: z.string().optional(),
  before: z.string().optional(),
  after: z.string().optional(),
  detail: z.string(),
});
export type Change = z.infer<typeof changeSchema>;

const runChangesSchema = z.strictObject({
  previousRunId: z.string(),
  previousStartedAt: z.string(),
  changes: z.array(changeSchema),
});
export type RunChanges = z.infer<typeof runChangesSchema>;

export const runParametersSchema = z.strictObject({
  concurrency: z.number().int().positive(),
  deadlineMs: z.number().int().positive(),
  connectTimeoutMs: z.number().int().positive(),
  checks: z.array(z.string()).nullable(),
  tags: z.array(z.string()).nullable(),
  failOn: z.enum(['any', 'new']),
});
export type RunParameters = z.infer<typeof runParametersSchema>;

const count = z.number().int().nonnegative();

/**
 * One run of the same inventory and pack, as the trend over the last nights shows it. Ready: scanned,
 * and every check passed, warned, was skipped or waived. Unreachable: unreachable, timed out or errored.
 */
const trendPointSchema = z.strictObject({
  runId: z.string(),
  startedAt: z.string(),
  hosts: count,
  readyHosts: count,
  failingHosts: count,
  unreachableHosts: count,
  /** New failures against the run before it; null when it had none to compare with. */
  newFailures: count.nullable(),
});
export type TrendPoint = z.infer<typeof trendPointSchema>;

/** The run record: everything any report shows. Versioned by `schema`. */
const currentRunRecordSchema = z.strictObject({
  schema: z.literal(RUN_RECORD_SCHEMA),
  runId: z.string(),
  tool: z.strictObject({ name: z.string(), version: z.string() }),
  pack: z.strictObject({ name: z.string(), version: z.string() }),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number().int().nonnegative(),
  user: z.string(),
  controller: z.string(),
  inventory: z.strictObject({ path: z.string(), key: z.string(), hostCount: z.number().int().nonnegative() }),
  parameters: runParametersSchema,
  interrupted: z.boolean(),
  checks: z.array(checkMetadataSchema),
  hosts: z.array(hostResultSchema),
  waivers: z.array(waiverReportSchema).default([]),
  changes: runChangesSchema.nullable().default(null),
  /** Optional: the last runs of the same inventory and pack from the history, oldest first, this run last. */
  trend: z.array(trendPointSchema).optional(),
  /** Optional: the record of one shard of a run (`scan --shard K/N`, `--site NAME`). */
  shard: shardSchema.optional(),
  /** Optional: a run merged from shard records (`fleet-scan merge`), with every shard it expected. */
  merged: mergedSchema.optional(),
});

/** Reads a run@1 record as run@2 (each host's termination follows from its stored status), and fills older records' gaps. */
function upgrade(data: unknown): unknown {
  if (!isObject(data)) return data;
  let out = data;
  if (out.schema === RUN_RECORD_V1 && Array.isArray(out.hosts)) {
    const hosts = out.hosts.map((h: unknown) =>
      isObject(h) && !('termination' in h) && typeof h.status === 'string'
        ? { ...h, termination: terminationFromStatus(h.status as never, typeof h.reason === 'string' ? h.reason : undefined) }
        : h,
    );
    out = { ...out, schema: RUN_RECORD_SCHEMA, hosts };
  }
  if (Array.isArray(out.checks)) out = { ...out, checks: out.checks.map(withFailure) };
  return out;
}

// Records written before checks carried a failure phrase name the check by id: a title is never a summary.
function withFailure(check: unknown): unknown {
  return isObject(check) && !('failure' in check) && typeof check.id === 'string' ? { ...check, failure: `Check ${check.id} failed` } : check;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Any run record fleet-scan wrote (run@1 or run@2), read as the current version. */
export const runRecordSchema = z.preprocess(upgrade, currentRunRecordSchema);
export type RunRecord = z.infer<typeof currentRunRecordSchema>;
