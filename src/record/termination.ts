import { z } from 'zod';
import type { HostStatus } from './check-result.js';

/**
 * Why a host's scan ended: the first reason to stop wins and is recorded once (src/runner/stop/).
 * `rejected-output` is a scan that ended but whose output could not be trusted (malformed, or it lied).
 */
const TERMINATION_REASONS = [
  'completed', 'deadline', 'interrupted', 'connect-failed', 'worker-died', 'output-cap', 'remote-crash', 'rejected-output',
] as const;
const terminationReasonSchema = z.enum(TERMINATION_REASONS);
export type TerminationReason = z.infer<typeof terminationReasonSchema>;

export const terminationSchema = z.strictObject({
  reason: terminationReasonSchema,
  /** One line in the transport's own words (ssh's, Windows'), when there is more to say than the reason. */
  detail: z.string().optional(),
});
export type Termination = z.infer<typeof terminationSchema>;

/** How a host ends is decided here and nowhere else: its status follows from why its scan ended. */
export const HOST_STATUS_FOR: Readonly<Record<TerminationReason, HostStatus>> = {
  completed: 'ok',
  deadline: 'timeout',
  interrupted: 'not-run',
  'connect-failed': 'unreachable',
  'worker-died': 'error',
  'output-cap': 'error',
  'remote-crash': 'error',
  'rejected-output': 'error',
};

/** The termination an old (run@1) record implies, from the host status it stored. */
export function terminationFromStatus(status: HostStatus, reason?: string): Termination {
  const by: Record<HostStatus, TerminationReason> = {
    ok: 'completed', timeout: 'deadline', 'not-run': 'interrupted', unreachable: 'connect-failed', error: 'remote-crash',
  };
  return { reason: by[status], ...(reason ? { detail: reason } : {}) };
}
