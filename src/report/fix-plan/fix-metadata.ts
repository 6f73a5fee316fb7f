import { z } from 'zod';

const checkId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,80}$/);
// Text that a plan shows in its comment block and warnings: one printable ASCII line (Windows PowerShell 5.1 reads a BOM-less file as ANSI).
const line = z.string().min(5).max(400).regex(/^[\x20-\x7e]+$/, 'one line of printable ASCII');

/** What a scripted fix says about itself: the JSON here-string `$FsFixMetadata` at the top of `ps-scripts/fixes/<pack>/<check-id>.ps1`. */
export const fixMetadataSchema = z.strictObject({
  check: checkId,
  /** What the fix does, in a few words: the plan's list of fixes shows it. */
  title: line,
  /** The outcomes the fix is for; a finding with another status gets the check's manual steps. */
  statuses: z.array(z.enum(['fail', 'warn'])).min(1),
  /** A regular expression one evidence line must match for the fix to apply (the finding it was written for). */
  evidence: z.string().min(1).optional(),
  /** What to do after the fix changed something (restart a service, reboot). */
  after: line.optional(),
  source: z.url(),
});
export type FixMetadata = z.infer<typeof fixMetadataSchema>;

/** `ps-scripts/fixes/<pack>/steps.json`: the steps for a person, per check. */
export const fixStepsSchema = z.strictObject({
  about: z.string(),
  steps: z.record(checkId, z.array(line).min(1)),
});
export type FixSteps = z.infer<typeof fixStepsSchema>;
