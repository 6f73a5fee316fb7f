import { z } from 'zod';

// What one check on one host ends as. `not-run` is set by the controller only;
// `waived` is set by the waiver stage and keeps the original status in `waivedStatus`.
const REMOTE_CHECK_STATUSES = ['pass', 'warn', 'fail', 'skipped', 'error'] as const;
export const CHECK_STATUSES = [...REMOTE_CHECK_STATUSES, 'not-run', 'waived'] as const;
export const HOST_STATUSES = ['ok', 'unreachable', 'timeout', 'error', 'not-run'] as const;

const remoteCheckStatusSchema = z.enum(REMOTE_CHECK_STATUSES);
const checkStatusSchema = z.enum(CHECK_STATUSES);
export const hostStatusSchema = z.enum(HOST_STATUSES);

export type CheckStatus = z.infer<typeof checkStatusSchema>;
export type HostStatus = z.infer<typeof hostStatusSchema>;

const line = z.string().max(4000);

/** One check's result as the remote entry point writes it. */
export const remoteCheckResultSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,80}$/),
  status: remoteCheckStatusSchema,
  summary: line,
  evidence: z.array(line).max(200),
  reason: line.optional(),
  ms: z.number().int().nonnegative(),
  facts: z.record(z.string(), z.unknown()).optional(),
});
export type RemoteCheckResult = z.infer<typeof remoteCheckResultSchema>;

/** The one JSON document a host sends back (remote entry point `Invoke-FleetScanPack.ps1`). */
export const hostReportSchema = z.strictObject({
  schema: z.literal('fleet-scan/host-report@1'),
  host: z.string().min(1),
  computerName: z.string(),
  psVersion: z.string(),
  pack: z.string(),
  packVersion: z.string(),
  startedUtc: z.string(),
  finishedUtc: z.string(),
  facts: z.record(z.string(), z.unknown()),
  results: z.array(remoteCheckResultSchema).max(500),
});
export type HostReport = z.infer<typeof hostReportSchema>;

/** One host × check outcome in the run record. */
export const checkOutcomeSchema = z.strictObject({
  id: z.string(),
  status: checkStatusSchema,
  summary: z.string(),
  evidence: z.array(z.string()),
  reason: z.string().optional(),
  ms: z.number().int().nonnegative().optional(),
  waivedStatus: remoteCheckStatusSchema.optional(),
  waiver: z
    .strictObject({ justification: z.string(), owner: z.string(), expires: z.string() })
    .optional(),
});
export type CheckOutcome = z.infer<typeof checkOutcomeSchema>;
