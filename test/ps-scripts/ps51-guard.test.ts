import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { REPO, runPwsh } from '../helpers/pwsh.js';

const GUARD = path.join(REPO, 'ps-scripts', 'tools', 'Test-PS51Compat.ps1');
const FIXTURES = path.join(REPO, 'test', 'fixtures', 'ps51');
const SEVEN_ONLY = path.join(FIXTURES, 'seven-only.ps1');
const CLEAN = path.join(FIXTURES, 'clean.ps1');

interface Finding { File: string; Line: number; Column: number; Rule: string; Severity: 'error' | 'warning'; Message: string }

/** Every script that runs on targets (all of ps-scripts/ except the controller-side tools/) or in an admin's Windows PowerShell (powershell/). */
const ROOTS = [path.join(REPO, 'ps-scripts'), path.join(REPO, 'powershell')];

function targetScripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return full === path.join(REPO, 'ps-scripts', 'tools') ? [] : targetScripts(full);
    return /\.(ps1|psm1)$/.test(e.name) ? [full] : [];
  });
}

async function guard(files: string[]): Promise<{ code: number; findings: Finding[] }> {
  const run = await runPwsh(['-File', GUARD, '-Json', ...files], { timeoutMs: 170_000 });
  if (run.code !== 0 && run.code !== 1) throw new Error(`guard failed (${run.code}): ${run.stderr}`);
  return { code: run.code, findings: [JSON.parse(run.stdout) as Finding[]].flat() };
}

// `# expect: Rule` at the end of a fixture line names the rule the guard must report on that line.
function expectedRules(file: string): { line: number; rule: string }[] {
  return readFileSync(file, 'utf8').split('\n').flatMap((text, i) => {
    const m = /#\s*expect:\s*(\w+)\s*$/.exec(text);
    return m ? [{ line: i + 1, rule: m[1]! }] : [];
  });
}

describe('Windows PowerShell 5.1 guard', () => {
  let fixtureRun: { code: number; findings: Finding[] };
  beforeAll(async () => {
    fixtureRun = await guard([SEVEN_ONLY, CLEAN]);
  });

  test('every script under ps-scripts/ that runs on targets, and every file of the powershell/ module, has no 7-only construct', async () => {
    const files = ROOTS.flatMap((root) => targetScripts(root));
    expect(files.filter((f) => f.startsWith(ROOTS[1]!)).length).toBeGreaterThan(0);
    const { findings } = await guard(files);
    const errors = findings.filter((f) => f.Severity === 'error')
      .map((f) => `${path.relative(REPO, f.File)}:${f.Line}:${f.Column} ${f.Rule}: ${f.Message}`);
    expect(errors, errors.join('\n')).toEqual([]);
    // One pwsh parses some 200 files: 40 s and more on a loaded two-core machine.
  }, 180_000);

  test('each 7-only construct in the seven-only fixture is reported on its line with its rule', () => {
    const got = fixtureRun.findings.filter((f) => f.File === SEVEN_ONLY).map((f) => ({ line: f.Line, rule: f.Rule }));
    const want = expectedRules(SEVEN_ONLY);
    expect(want.length).toBeGreaterThan(25);
    for (const w of want) expect(got, `line ${w.line}`).toContainEqual(w);
  });

  test('the guard reports nothing in the seven-only fixture beyond the marked constructs', () => {
    const want = expectedRules(SEVEN_ONLY);
    const extra = fixtureRun.findings
      .filter((f) => f.File === SEVEN_ONLY && !want.some((w) => w.line === f.Line && w.rule === f.Rule));
    expect(extra).toEqual([]);
  });

  test('the seven-only fixture covers every rule of the 5.1 guard', () => {
    const rules = new Set(expectedRules(SEVEN_ONLY).map((w) => w.rule));
    for (const rule of ['NullCoalescing', 'NullCoalescingAssign', 'NullConditionalMember', 'NullConditionalIndex',
      'Ternary', 'PipelineChain', 'BackgroundOperator', 'CoreOnlyParameter', 'CleanBlock', 'CoreOnlyCommand',
      'CoreOnlyVariable', 'CoreOnlyEscape', 'LeadingPipe']) {
      expect(rules, rule).toContain(rule);
    }
    // ForEach-Object -Parallel and ConvertFrom-Json -AsHashtable: the two 7-only parameters checks are most tempted by.
    const params = fixtureRun.findings.filter((f) => f.Rule === 'CoreOnlyParameter').map((f) => f.Message).join('\n');
    expect(params).toContain('ForEach-Object -Parallel');
    expect(params).toContain('ConvertFrom-Json -AsHashtable');
  });

  test('5.1-safe look-alikes in the clean fixture produce no finding', () => {
    expect(fixtureRun.findings.filter((f) => f.File === CLEAN)).toEqual([]);
  });

  test('the guard exits 1 when a file has an error finding', () => {
    expect(fixtureRun.code).toBe(1);
  });
});
