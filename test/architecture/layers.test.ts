import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The order data flows in (docs/ARCHITECTURE.md). A folder may import its own files and folders that
// stand earlier; lab stands beside the runner, after it, since the fake endpoints reuse its protocol code.
const LAYERS = ['record', 'inventory', 'checks', 'runner', 'lab', 'policy', 'history', 'report', 'cli'] as const;
const SRC = path.resolve(import.meta.dirname, '../../src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return tsFiles(file);
    return name.endsWith('.ts') ? [file] : [];
  });
}

function layerOf(file: string): string {
  return path.relative(SRC, file).split(path.sep)[0]!;
}

/** Every relative import of src/, as [importing file, imported file]. */
function imports(): Array<[string, string]> {
  return tsFiles(SRC).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
    return specs.map((spec): [string, string] => [file, path.resolve(path.dirname(file), spec)]);
  });
}

describe('src/ layers', () => {
  it('every top-level folder of src/ is a known layer', () => {
    const folders = readdirSync(SRC).filter((n) => statSync(path.join(SRC, n)).isDirectory());
    expect(folders.filter((f) => !(LAYERS as readonly string[]).includes(f))).toEqual([]);
  });

  it('no folder imports one that stands later in the data flow', () => {
    const against = imports()
      .filter(([from, to]) => LAYERS.indexOf(layerOf(to) as never) > LAYERS.indexOf(layerOf(from) as never))
      .map(([from, to]) => `${path.relative(SRC, from)} -> ${path.relative(SRC, to)}`);
    expect(against).toEqual([]);
  });

  it('the record layer imports nothing else of src/', () => {
    const out = imports()
      .filter(([from, to]) => layerOf(from) === 'record' && layerOf(to) !== 'record')
      .map(([from, to]) => `${path.relative(SRC, from)} -> ${path.relative(SRC, to)}`);
    expect(out).toEqual([]);
  });
});
