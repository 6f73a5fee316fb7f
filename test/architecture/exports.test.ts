// Every value exported by src/ is imported by someone: another module, a test, a bench script or a test's
// child process. An export nobody imports is dead code, or a name that should be private to its file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../..');

/** Process entry points: run, never imported (`node dist/cli/main.js`, the fake WinRM server's `main.js`). */
const isEntryPoint = (file: string): boolean => path.basename(file) === 'main.ts';

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'node_modules' ? [] : filesUnder(file, keep);
    return keep(name) ? [file] : [];
  });
}

/** `src/a/b.ts: name` for every value src/ exports that no other file imports. */
function deadExports(): string[] {
  const src = path.join(REPO, 'src');
  const tsFiles = [src, path.join(REPO, 'test'), path.join(REPO, 'bench')].flatMap((dir) => filesUnder(dir, (n) => n.endsWith('.ts')));
  const program = ts.createProgram(tsFiles, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const usedSymbols = new Set<ts.Symbol>();
  const importedNames = new Map<string, Set<string>>();
  const original = (symbol: ts.Symbol): ts.Symbol => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  const moduleOf = (file: string): ts.Symbol | undefined => {
    const source = program.getSourceFile(file);
    return source && checker.getSymbolAtLocation(source);
  };
  const markName = (file: string, name: string): void => {
    importedNames.set(file, (importedNames.get(file) ?? new Set()).add(name));
    const entry = moduleOf(file) && checker.getExportsOfModule(moduleOf(file)!).find((s) => s.name === name);
    if (entry) usedSymbols.add(original(entry));
  };
  const markAll = (file: string): void => {
    const module = moduleOf(file);
    for (const entry of module ? checker.getExportsOfModule(module) : []) markName(file, entry.name);
  };
  const resolved = (from: ts.SourceFile, spec: string): string | undefined =>
    ts.resolveModuleName(spec, from.fileName, program.getCompilerOptions(), ts.sys).resolvedModule?.resolvedFileName;

  for (const source of program.getSourceFiles()) {
    if (source.isDeclarationFile || !tsFiles.includes(path.normalize(source.fileName))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const target = resolved(source, node.moduleSpecifier.text);
        const clause = node.importClause;
        if (target && clause) {
          if (clause.name) markName(target, 'default');
          const bindings = clause.namedBindings;
          if (bindings && ts.isNamespaceImport(bindings)) markAll(target);
          if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) markName(target, (el.propertyName ?? el.name).text);
        }
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        const target = resolved(source, node.argument.literal.text);
        if (target && node.qualifier) markName(target, ts.isIdentifier(node.qualifier) ? node.qualifier.text : node.qualifier.left.getText());
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const arg = node.arguments[0];
        const target = arg && ts.isStringLiteral(arg) ? resolved(source, arg.text) : undefined;
        if (target) markAll(target);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }

  // Plain JavaScript that loads the build: bench scripts (`../dist/x.js`) and test child processes (`dist/src/x.js`).
  const scripts = [path.join(REPO, 'bench'), path.join(REPO, 'test')].flatMap((dir) => filesUnder(dir, (n) => n.endsWith('.mjs')));
  const distImport = /(?:import|const)\s*\{([^}]*)\}\s*(?:from\s*|=\s*await\s+import\([^;]*?)['"][^'"]*\bdist\/(?:src\/)?([^'"]+)\.js['"]/g;
  for (const script of scripts) {
    for (const [, names, module] of readFileSync(script, 'utf8').matchAll(distImport)) {
      const target = path.join(src, `${module}.ts`);
      for (const name of names!.split(',').map((n) => n.trim().split(/\s+(?:as|:)\s+/)[0]!).filter(Boolean)) markName(target, name);
    }
  }

  const dead: string[] = [];
  for (const file of tsFiles.filter((f) => f.startsWith(`${src}${path.sep}`) && !isEntryPoint(f))) {
    const module = moduleOf(file);
    for (const entry of module ? checker.getExportsOfModule(module) : []) {
      const declaredHere = entry.declarations?.some((d) => path.normalize(d.getSourceFile().fileName) === file);
      // A name that comes in through `export * from` cannot be un-exported alone: its own module answers for it.
      if (!declaredHere) continue;
      // Types cost nothing at run time, and one named in an exported signature is part of that signature.
      if (!(original(entry).flags & ts.SymbolFlags.Value)) continue;
      const used = entry.flags & ts.SymbolFlags.Alias ? importedNames.get(file)?.has(entry.name) : usedSymbols.has(entry);
      if (!used) dead.push(`${path.relative(REPO, file).split(path.sep).join('/')}: ${entry.name}`);
    }
  }
  return dead.sort();
}

/**
 * Dead exports found in modules that were being rewritten when this test came (the runner, checks, record
 * and lab, the workbook, the WinRM client, sharded runs). An entry goes when its export does (deleted, or
 * no longer exported); the second test keeps the list honest.
 */
const PENDING: readonly string[] = [
  'src/checks/bundle.ts: bundleManifestSchema',
  // the workbook, being rewritten
  'src/report/xlsx/changes-sheet.ts: CHANGES_SHEET',
  'src/report/xlsx/findings-sheet.ts: FINDINGS_SHEET',
  'src/report/xlsx/findings-sheet.ts: FINDING_STATUS_ORDER',
  'src/report/xlsx/hosts-sheet.ts: HOSTS_SHEET',
  'src/report/xlsx/run-sheet.ts: RUN_SHEET',
  'src/report/xlsx/summary-sheet.ts: SUMMARY_SHEET',
  'src/report/xlsx/trend-sheet.ts: TREND_SHEET',
  'src/report/xlsx/unreachable-sheet.ts: UNREACHABLE_SHEET',
  'src/report/xlsx/waivers-sheet.ts: WAIVERS_SHEET',
];

describe('exports of src/', () => {
  let dead: string[];
  beforeAll(() => {
    dead = deadExports();
  }, 120_000);

  it('are all imported by someone: nothing exported is dead', () => {
    expect(dead.filter((entry) => !PENDING.includes(entry))).toEqual([]);
  });

  it('the list of pending dead exports names only exports that are still dead', () => {
    expect(PENDING.filter((entry) => !dead.includes(entry))).toEqual([]);
  });
});
