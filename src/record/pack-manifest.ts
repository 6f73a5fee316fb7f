import { z } from 'zod';

const VAR_TYPES = ['string', 'number', 'boolean', 'string[]', 'object'] as const;
const packVarTypeSchema = z.enum(VAR_TYPES);
export type PackVarType = z.infer<typeof packVarTypeSchema>;

/** One var a pack accepts from the inventory; `type` may list several accepted types (e.g. proxy: string or object). */
const packVarSchema = z.strictObject({
  type: z.union([packVarTypeSchema, z.array(packVarTypeSchema).min(1)]),
  description: z.string().min(5),
  default: z.unknown().optional(),
});
export type PackVar = z.infer<typeof packVarSchema>;

/** pack.json beside the check files. `checks` fixes the run and report order. */
export const packManifestSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  version: z.string().regex(/^\d+\.\d+\.\d+/),
  title: z.string().min(5),
  checks: z.array(z.string()).min(1),
  vars: z.record(z.string(), packVarSchema),
});
export type PackManifest = z.infer<typeof packManifestSchema>;
