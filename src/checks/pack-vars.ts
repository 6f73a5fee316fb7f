import { z } from 'zod';
import type { PackVar, PackVarType } from '../record/pack-manifest.js';
import { issuePath } from '../record/zod-issue.js';
import type { Pack } from './catalog.js';

function typeSchema(type: PackVarType): z.ZodType {
  switch (type) {
    case 'string':
      return z.string();
    case 'number':
      return z.number();
    case 'boolean':
      return z.boolean();
    case 'string[]':
      return z.array(z.string());
    case 'object':
      return z.record(z.string(), z.unknown());
  }
}

function varSchema(v: PackVar): z.ZodType {
  const types = Array.isArray(v.type) ? v.type : [v.type];
  const [first, ...rest] = types.map(typeSchema);
  const schema = rest.length ? z.union([first!, ...rest]) : first!;
  // null means "not set": the pack default (or a skip naming the var) applies.
  return schema.nullable().optional();
}

/** A strict zod schema for a host's vars: every pack var optional and typed, unknown names rejected. */
export function packVarsSchema(pack: Pick<Pack, 'name' | 'vars'>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, v] of Object.entries(pack.vars)) shape[name] = varSchema(v);
  return z.strictObject(shape);
}

function describeType(v: PackVar): string {
  return (Array.isArray(v.type) ? v.type : [v.type]).join(' or ');
}

/** Problems with a host's vars, one line each naming the var; empty when valid. */
export function validateVars(pack: Pick<Pack, 'name' | 'vars'>, vars: unknown): string[] {
  if (vars === undefined) return [];
  const parsed = packVarsSchema(pack).safeParse(vars);
  if (parsed.success) return [];
  const problems: string[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push(`vars.${key}: unknown var (pack ${pack.name} has no var "${key}")`);
      continue;
    }
    const name = String(issue.path[0] ?? '');
    const declared = pack.vars[name];
    if (name && declared) problems.push(`vars.${issuePath(issue.path)}: expected ${describeType(declared)} (${issue.message})`);
    else problems.push(`vars: ${issue.message}`);
  }
  return problems;
}
