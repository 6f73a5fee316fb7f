import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_ROOT, loadPack, packDir, type Pack } from './catalog.js';

/**
 * ps-scripts/bundle.json: what a bundle holds, in load order. The Pester harness loads the same files
 * from it, so the tests run what a target runs. A folder gives its .ps1 files sorted by name; the pack
 * entry gives pack.json and then the checks in pack.json order.
 */
export const bundleManifestSchema = z.strictObject({
  about: z.string(),
  sections: z.array(z.union([
    z.strictObject({ folder: z.string().regex(/^[a-z][a-z0-9-]*(\/[a-z][a-z0-9-]*)*$/), staged: z.boolean().optional() }),
    z.strictObject({ pack: z.literal(true) }),
  ])).min(1),
});
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

export interface BundleOptions {
  /** A lab host's bundle: it carries the staged ("fake-staged") probe library, which replaces the real probes. */
  staged: boolean;
  /** Repository (or package) root holding ps-scripts/; defaults to this package's root. */
  root?: string;
  /**
   * The checks the bundle carries (host or fleet ids). Given, the bundle holds only those checks, the entry
   * points and the helpers they reach, each function once (a staged probe's real twin is left out). Left
   * out, it holds every file of ps-scripts/bundle.json and every check of the pack.
   */
  checks?: readonly string[];
}

const cache = new Map<string, string>();

/** Reads and validates ps-scripts/bundle.json; a bad manifest is one line naming the file. */
export function readBundleManifest(root: string = DEFAULT_ROOT): BundleManifest {
  const relative = 'ps-scripts/bundle.json';
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path.join(root, relative), 'utf8'));
  } catch (error) {
    throw new Error(`${relative}: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = bundleManifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`${relative}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

function ps1Files(dir: string, folder: string): string[] {
  if (!existsSync(dir)) throw new Error(`ps-scripts/bundle.json: folder ${folder} does not exist`);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ps1'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** One piece of a bundle: a .ps1 file, or the pack's pack.json (registered with Register-FsPack). */
export interface BundlePart {
  kind: 'script' | 'pack';
  /** Path relative to the root, with forward slashes. */
  file: string;
}

type ManifestPart = BundlePart & { entry?: boolean };

/** The files a bundle is made of, in bundle order (read afresh on every call; buildBundle caches). */
export function bundleParts(packName: string, options: BundleOptions): BundlePart[] {
  const root = options.root ?? DEFAULT_ROOT;
  const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const parts = readBundleManifest(root).sections.flatMap((s): ManifestPart[] => {
    if ('pack' in s) {
      const dir = packDir(packName, { root });
      const checks = loadPack(packName, { root }).checks.map((c) => ({ kind: 'script' as const, file: rel(path.join(dir, `${c.id}.ps1`)) }));
      return [{ kind: 'pack', file: rel(path.join(dir, 'pack.json')) }, ...checks];
    }
    if (s.staged && !options.staged) return [];
    return ps1Files(path.join(root, 'ps-scripts', s.folder), s.folder).map((f) => ({ kind: 'script', file: rel(f), ...(s.folder === 'entry' ? { entry: true } : {}) }));
  });
  if (!options.checks) return parts.map(({ kind, file }) => ({ kind, file }));
  const pack = loadPack(packName, { root });
  return reachableParts(parts, pack, options.checks, (part) => targetText(path.join(root, part.file), pack), packName);
}

// A function name as the lib and probe files spell them (Verb-FsNoun): what a dependency looks like in code.
const HELPER_NAME = /\b[A-Z][A-Za-z]+-Fs[A-Za-z0-9]+\b/g;

/**
 * The parts a target runs for `checks`: the entry points and those checks, then every helper their code
 * names, and so on. Only the last definition of a name counts (the staged twin of a real probe), so a
 * shadowed file is left out; pack.json stays (the entry point reads the pack's name and var defaults).
 */
function reachableParts(parts: ManifestPart[], pack: Pack, checks: readonly string[], text: (p: BundlePart) => string, packName: string): BundlePart[] {
  const unknown = checks.filter((id) => !pack.checks.some((c) => c.id === id));
  if (unknown.length > 0) throw new Error(`bundle for pack ${packName}: no check ${unknown.join(', ')}`);
  const definer = new Map<string, BundlePart>();
  const texts = new Map<BundlePart, string>();
  for (const part of parts) {
    if (part.kind !== 'script') continue;
    const body = text(part);
    texts.set(part, body);
    const name = /^function\s+([A-Za-z0-9-]+)/m.exec(body)?.[1];
    if (name) definer.set(name, part);
  }
  const wanted = new Set(checks.map((id) => `/${id}.ps1`));
  const keep = new Set<BundlePart>();
  const queue = parts.filter((p) => p.entry || (p.kind === 'script' && [...wanted].some((w) => p.file.endsWith(w) && p.file.includes('/packs/'))));
  // pack.json is registered by Register-FsPack, which the manifest's part names.
  const named = (body: string) => [...body.matchAll(HELPER_NAME)].map((m) => definer.get(m[0])).filter((d): d is BundlePart => d !== undefined);
  queue.push(...named('Register-FsPack'));
  while (queue.length > 0) {
    const part = queue.pop()!;
    if (keep.has(part)) continue;
    keep.add(part);
    queue.push(...named(texts.get(part)!).filter((next) => !keep.has(next)));
  }
  return parts.filter((p) => p.kind === 'pack' || keep.has(p)).map(({ kind, file }) => ({ kind, file }));
}

const METADATA_BLOCK = /^\$FsCheckMetadata\s*=\s*@'\r?\n[\s\S]*?\r?\n'@[ \t]*\r?\n/m;
const REGISTER_LINE = /^Register-FsCheck -Metadata \$FsCheckMetadata -Function '([A-Za-z0-9-]+)'[ \t]*$/m;
// Comment-based help (a `<#` line to a `#>` line): documentation for readers of the source, never run.
const HELP_BLOCK = /^[ \t]*<#[ \t]*\r?\n[\s\S]*?^[ \t]*#>[ \t]*\r?\n/gm;

/**
 * A script as the target gets it: without its comment-based help and, for a check, without the metadata
 * the controller has already read (catalog.ts). The check registers by id and kind only, so the target
 * parses no metadata JSON.
 */
function targetText(file: string, pack: Pack): string {
  let text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').replace(HELP_BLOCK, '');
  const check = pack.checks.find((c) => file.endsWith(`${path.sep}${c.id}.ps1`) && REGISTER_LINE.test(text));
  if (check) {
    text = text.replace(METADATA_BLOCK, '').replace(REGISTER_LINE, (_, fn: string) => `Register-FsBundledCheck '${check.id}' '${check.kind}' '${fn}'`);
  }
  return text.trimEnd();
}

function section(file: string, root: string, pack: Pack): string {
  // A marker line per file makes a parse error on the target point at the source file.
  return `# ---- ${path.relative(root, file).split(path.sep).join('/')}\n${targetText(file, pack)}\n`;
}

/**
 * pack.json as the target gets it: what the entry points and Resolve-FsVar read (name, version, each var's
 * default), not the descriptions and types the controller validated the inventory with.
 */
function packManifest(file: string, relative: string): string {
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name: string; version: string; vars?: Record<string, { default?: unknown }> };
  const vars = Object.fromEntries(Object.entries(manifest.vars ?? {}).map(([name, v]) => [name, v.default === undefined ? {} : { default: v.default }]));
  const text = JSON.stringify({ name: manifest.name, version: manifest.version, vars }, null, 1);
  if (/^'@/m.test(text)) throw new Error(`${relative}: a line may not start with '@`);
  return `Register-FsPack -Json @'\n${text}\n'@\n`;
}

/**
 * The script a target runs: the sections of ps-scripts/bundle.json in order (lib helpers, the engine, the
 * real probes, pack.json, the pack's checks in pack.json order, the entry points), each without its
 * comment-based help and each check without its metadata JSON. Only a staged bundle, for a lab host, holds
 * the staged sections; a real host's bundle has none of their text. With `checks`, only those checks and
 * what they use (see BundleOptions). It only defines functions and registers the pack; the caller then
 * invokes Invoke-FleetScanPack. Cached per process.
 */
export function buildBundle(packName: string, options: BundleOptions): string {
  const root = options.root ?? DEFAULT_ROOT;
  const key = `${root}\0${packName}\0${options.staged ? 'staged' : 'real'}\0${options.checks?.join(',') ?? '*'}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const pack = loadPack(packName, { root });
  const kind = options.staged ? 'staged (lab host)' : 'real host';
  const which = options.checks ? `${options.checks.length} of ${pack.checks.length} checks` : 'every check';
  const parts = [`# fleet-scan bundle: pack ${pack.name} ${pack.version}, ${kind}, ${which} (generated by src/checks/bundle.ts; do not edit)\n`];
  for (const part of bundleParts(packName, options)) {
    const file = path.join(root, part.file);
    parts.push(part.kind === 'pack' ? packManifest(file, part.file) : section(file, root, pack));
  }
  const bundle = parts.join('');
  cache.set(key, bundle);
  return bundle;
}
