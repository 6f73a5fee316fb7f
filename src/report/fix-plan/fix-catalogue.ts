import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_ROOT, loadPack } from '../../checks/catalog.js';
import { errorLine } from '../../record/one-line.js';
import { firstIssue } from '../../record/zod-issue.js';
import { fixMetadataSchema, fixStepsSchema, type FixMetadata } from './fix-metadata.js';

/** A fix file or steps file that cannot be used; the message is one line naming the file. */
export class FixCatalogueError extends Error {
  override name = 'FixCatalogueError';
}

export interface ScriptedFix {
  meta: FixMetadata;
  /** `Repair-<PascalCase check id>`. */
  functionName: string;
  /** The file, relative to the root, with forward slashes. */
  file: string;
  /** The function's source (help included), as the plan embeds it. */
  source: string;
}

export interface FixCatalogue {
  pack: string;
  /** Scripted fixes by check id. */
  fixes: ReadonlyMap<string, ScriptedFix>;
  /** Steps for a person by check id. */
  steps: ReadonlyMap<string, readonly string[]>;
}

const METADATA_RE = /^\$FsFixMetadata\s*=\s*@'\r?\n([\s\S]*?)\r?\n'@\s*$/m;

/** The repair function of a check: mars-tls12-dotnet -> Repair-MarsTls12Dotnet (ConvertTo-FsFixFunctionName says the same). */
export function repairFunctionName(checkId: string): string {
  return `Repair-${checkId.split('-').filter(Boolean).map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('')}`;
}

function parseJson(text: string, relative: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FixCatalogueError(`${relative}: not JSON: ${errorLine(error)}`);
  }
}

function readFix(root: string, relative: string, checks: ReadonlySet<string>): ScriptedFix {
  const text = readFileSync(path.join(root, relative), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const match = METADATA_RE.exec(text);
  if (!match?.[1]) throw new FixCatalogueError(`${relative}: no $FsFixMetadata = @' ... '@ here-string`);
  const parsed = fixMetadataSchema.safeParse(parseJson(match[1], relative));
  if (!parsed.success) throw new FixCatalogueError(`${relative}: invalid fix metadata: ${firstIssue(parsed.error)}`);
  const meta = parsed.data;
  if (meta.check !== path.basename(relative, '.ps1')) throw new FixCatalogueError(`${relative}: check "${meta.check}" does not match the file name`);
  if (!checks.has(meta.check)) throw new FixCatalogueError(`${relative}: the pack has no check ${meta.check}`);
  if (meta.evidence !== undefined) {
    try {
      new RegExp(meta.evidence);
    } catch (error) {
      throw new FixCatalogueError(`${relative}: evidence is not a regular expression: ${errorLine(error)}`);
    }
  }
  const functionName = repairFunctionName(meta.check);
  const start = new RegExp(`^function ${functionName} \\{$`, 'm').exec(text);
  if (!start) throw new FixCatalogueError(`${relative}: no function ${functionName}`);
  const source = text.slice(start.index).trimEnd();
  if (/^function /m.test(source.slice(1))) throw new FixCatalogueError(`${relative}: ${functionName} must be the file's only function, and its last part`);
  return { meta, functionName, file: relative, source };
}

function readSteps(root: string, relative: string, checks: ReadonlySet<string>): Map<string, readonly string[]> {
  if (!existsSync(path.join(root, relative))) return new Map();
  const parsed = fixStepsSchema.safeParse(parseJson(readFileSync(path.join(root, relative), 'utf8'), relative));
  if (!parsed.success) throw new FixCatalogueError(`${relative}: ${firstIssue(parsed.error)}`);
  const unknown = Object.keys(parsed.data.steps).find((id) => !checks.has(id));
  if (unknown) throw new FixCatalogueError(`${relative}: the pack has no check ${unknown}`);
  return new Map(Object.entries(parsed.data.steps));
}

/** The fixes and steps of a pack (`ps-scripts/fixes/<pack>/`); a pack without that folder has none, and its findings get their remediation as the step. */
export function loadFixCatalogue(packName: string, options: { root?: string } = {}): FixCatalogue {
  const root = options.root ?? DEFAULT_ROOT;
  const checks = new Set(loadPack(packName, { root }).checks.map((c) => c.id));
  const folder = path.join('ps-scripts', 'fixes', packName);
  const rel = (name: string) => path.join(folder, name).split(path.sep).join('/');
  const names = existsSync(path.join(root, folder)) ? readdirSync(path.join(root, folder)).filter((f) => f.endsWith('.ps1')).sort() : [];
  const fixes = new Map(names.map((name) => {
    const fix = readFix(root, rel(name), checks);
    return [fix.meta.check, fix] as const;
  }));
  return { pack: packName, fixes, steps: readSteps(root, rel('steps.json'), checks) };
}
