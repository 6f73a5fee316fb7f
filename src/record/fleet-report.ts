import { z } from 'zod';
import { remoteCheckResultSchema } from './check-result.js';

/** One host x fleet-check result written by Invoke-FleetScanFleetChecks. */
const fleetCheckResultSchema = remoteCheckResultSchema.extend({ host: z.string().min(1) });

/** The document on the "<marker> fleet <base64 json>" line of the controller-side fleet checks. */
export const fleetReportSchema = z.strictObject({
  schema: z.literal('fleet-scan/fleet-report@1'),
  pack: z.string(),
  packVersion: z.string(),
  startedUtc: z.string(),
  finishedUtc: z.string(),
  results: z.array(fleetCheckResultSchema),
});
export type FleetReport = z.infer<typeof fleetReportSchema>;
