import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '../../..');
// history/ and the contract files it imports: nothing else, so other areas' work in progress cannot break it.
const SOURCES = ['src/history', 'src/policy', 'src/record'];

export const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');

/**
 * Transpiles the history modules to plain ESM in a temp folder, so a child `node` process can run the
 * real code (tests run TypeScript in-process; a child has no TypeScript loader). Returns the folder;
 * `dist/src/history/store.js` etc. live under it.
 */
export function buildHistoryForChildren(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-history-build-'));
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  for (const source of SOURCES.flatMap(expand)) {
    const output = ts.transpileModule(readFileSync(path.join(ROOT, source), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
      fileName: source,
    }).outputText;
    const target = path.join(dir, 'dist', source.replace(/\.ts$/, '.js'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, output);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function expand(source: string): string[] {
  if (source.endsWith('.ts')) return [source];
  return readdirSync(path.join(ROOT, source))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `${source}/${name}`);
}
