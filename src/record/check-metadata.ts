import { z } from 'zod';

export const CLOUDS = ['public', 'china', 'usgov'] as const;
export const cloudSchema = z.enum(CLOUDS);
export type Cloud = z.infer<typeof cloudSchema>;

/** Declarative metadata of one check, as written in the JSON here-string at the top of its .ps1 file. */
export const checkMetadataSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,80}$/),
  title: z.string().min(5),
  /** The problem when the check fails, in a few words: "Clock off by 5 minutes or more". Summaries say this, never the title. */
  failure: z.string().min(5).max(80).regex(/[^.\s]$/, 'no trailing period or space'),
  phase: z.enum(['install', 'registration', 'both']),
  clouds: z.array(cloudSchema).min(1),
  severity: z.enum(['fail', 'warn', 'info']),
  kind: z.enum(['host', 'fleet']),
  description: z.string().min(10),
  remediation: z.string().min(10),
  source: z.url(),
  tags: z.array(z.string()),
  requires: z.array(z.string()).default([]),
  /** Vars a fleet check reads besides `requires`: the controller sends the fleet checks only these of each host. */
  reads: z.array(z.string()).optional(),
  /**
   * A fleet check that judges each group of hosts with the same cloud and the same value of this var (one of
   * `requires`) on its own: the controller runs it over whole groups at a time, so the worker never holds the fleet.
   */
  partition: z.string().optional(),
});
export type CheckMetadata = z.infer<typeof checkMetadataSchema>;
