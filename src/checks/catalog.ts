import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { checkMetadataSchema, type CheckMetadata } from '../record/check-metadata.js';
import { errorLine } from '../record/one-line.js';
import { issueLine, type PathIssue } from '../record/zod-issue.js';
import { packManifestSchema, type PackManifest, type PackVar } from '../record/pack-manifest.js';
import { PACKAGE_ROOT } from './package-root.js';

/** Where ps-scripts/ lives by default. */
export const DEFAULT_ROOT = PACKAGE_ROOT;

export interface Pack {
  name: string;
  version: string;
  title: string;
  vars: Record<string, PackVar>;
  checks: CheckMetadata[];
}

export interface PackOptions {
  /** Repository (or package) root holding ps-scripts/; defaults to this package's root. */
  root?: string;
}

/** A pack that cannot be loaded; the message is one line naming the file. */
export class PackError extends Error {
  override name = 'PackError';
}

const METADATA_RE = /^\$FsCheckMetadata\s*=\s*@'\r?\n([\s\S]*?)\r?\n'@\s*$/m;

export function packDir(name: string, options: PackOptions = {}): string {
  return path.join(options.root ?? DEFAULT_ROOT, 'ps-scripts', 'packs', name);
}

function issuesLine(issues: readonly PathIssue[]): string {
  return issues.map(issueLine).join('; ');
}

function readJson(file: string, relative: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PackError(`${relative}: ${errorLine(error)}`);
  }
}

/** The check function a check file must define: mars-dotnet-version -> Test-MarsDotnetVersion. */
export function checkFunctionName(id: string): string {
  return 'Test-' + id.split('-').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
}

/** Reads and validates one check file's metadata here-string. */
function readCheckMetadata(file: string, relative = file): CheckMetadata {
  const text = readFileSync(file, 'utf8');
  const match = METADATA_RE.exec(text);
  if (!match?.[1]) throw new PackError(`${relative}: no $FsCheckMetadata = @' ... '@ here-string`);
  const parsed = checkMetadataSchema.safeParse(readJsonText(match[1], relative));
  if (!parsed.success) throw new PackError(`${relative}: invalid check metadata: ${issuesLine(parsed.error.issues)}`);
  const meta = parsed.data;
  const expectedId = path.basename(file, '.ps1');
  if (meta.id !== expectedId) throw new PackError(`${relative}: metadata id "${meta.id}" does not match the file name "${expectedId}"`);
  const fn = checkFunctionName(meta.id);
  if (!new RegExp(`^function ${fn}\\s*\\{`, 'm').test(text)) throw new PackError(`${relative}: no function ${fn}`);
  if (!new RegExp(`^Register-FsCheck -Metadata \\$FsCheckMetadata -Function '${fn}'\\s*$`, 'm').test(text)) {
    throw new PackError(`${relative}: last line must be Register-FsCheck -Metadata $FsCheckMetadata -Function '${fn}'`);
  }
  return meta;
}

function readJsonText(text: string, relative: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PackError(`${relative}: metadata is not JSON: ${errorLine(error)}`);
  }
}

const PACK_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Reads pack.json and validates it. */
function readPackManifest(name: string, options: PackOptions = {}): PackManifest {
  // A pack is code that runs on every target: its name picks a folder of ps-scripts/packs/, never a path elsewhere.
  if (!PACK_NAME.test(name)) throw new PackError(`no such pack ${JSON.stringify(name).slice(0, 70)}: a pack name is letters, digits, "_" or "-" (see: ps-scripts/packs/)`);
  const dir = packDir(name, options);
  const relative = path.join('ps-scripts', 'packs', name, 'pack.json');
  const file = path.join(dir, 'pack.json');
  if (!existsSync(file)) throw new PackError(`${relative}: no such pack "${name}"`);
  const parsed = packManifestSchema.safeParse(readJson(file, relative));
  if (!parsed.success) throw new PackError(`${relative}: ${issuesLine(parsed.error.issues)}`);
  if (parsed.data.name !== name) throw new PackError(`${relative}: name "${parsed.data.name}" does not match the folder "${name}"`);
  return parsed.data;
}

const cache = new Map<string, Pack>();

/** Loads a pack: pack.json plus the metadata of every check file, in pack.json order. Cached per process. */
export function loadPack(name: string, options: PackOptions = {}): Pack {
  const key = `${options.root ?? DEFAULT_ROOT}\0${name}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const manifest = readPackManifest(name, options);
  const dir = packDir(name, options);
  const files = readdirSync(dir).filter((f) => f.endsWith('.ps1')).map((f) => f.slice(0, -4)).sort();
  const listed = new Set(manifest.checks);
  const relativeManifest = path.join('ps-scripts', 'packs', name, 'pack.json');
  for (const f of files) {
    if (!listed.has(f)) throw new PackError(`${relativeManifest}: check file ${f}.ps1 is not listed in "checks"`);
  }
  const checks = manifest.checks.map((id) => {
    const relative = path.join('ps-scripts', 'packs', name, `${id}.ps1`);
    if (!files.includes(id)) throw new PackError(`${relativeManifest}: lists "${id}" but ${relative} does not exist`);
    const meta = readCheckMetadata(path.join(dir, `${id}.ps1`), relative);
    for (const v of meta.requires) {
      if (!(v in manifest.vars)) throw new PackError(`${relative}: requires var "${v}", which pack.json does not declare`);
    }
    for (const v of meta.reads ?? []) {
      if (!(v in manifest.vars)) throw new PackError(`${relative}: reads var "${v}", which pack.json does not declare`);
    }
    if (meta.partition !== undefined && (meta.kind !== 'fleet' || !meta.requires.includes(meta.partition))) {
      throw new PackError(`${relative}: partition "${meta.partition}" must be a fleet check's required var`);
    }
    return meta;
  });
  const pack: Pack = { name: manifest.name, version: manifest.version, title: manifest.title, vars: manifest.vars, checks };
  cache.set(key, pack);
  return pack;
}

/** Names of the packs under ps-scripts/packs (folders holding a pack.json). */
export function listPacks(options: PackOptions = {}): string[] {
  const dir = path.join(options.root ?? DEFAULT_ROOT, 'ps-scripts', 'packs');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'pack.json')))
    .map((d) => d.name)
    .sort();
}
