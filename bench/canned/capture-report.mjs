// The reply a canned target gives: what a real scan of a healthy host wrote, captured once per bench run
// from the staged bundle in the lab's pwsh (bench/canned/canned-powershell.pl replays it).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildBundle } from '../../dist/checks/bundle.js';
import { planHost } from '../../dist/checks/plan.js';
import { ENCODED_BOOTSTRAP, bootstrapInput } from '../../dist/runner/transports/ssh-exec.js';

/** The healthy host's inventory side (cloud, vars) and the plan a scan makes for it. */
export function healthyTarget(repo, pack) {
  const state = JSON.parse(readFileSync(path.join(repo, 'lab', 'states', '01-fs01-healthy-public.json'), 'utf8'));
  const target = { cloud: state.inventory.cloud, vars: state.inventory.vars ?? {} };
  const run = planHost(pack, pack.checks.filter((c) => c.kind === 'host').map((c) => c.id), target).run;
  return { state: path.join(repo, 'lab', 'states', '01-fs01-healthy-public.json'), target, run };
}

/** Runs one staged scan and writes `{ results: { id: result }, report }` to `file` (the report as a real host's: staged false). */
export function captureReport({ repo, pwsh, pack, file }) {
  const { state, target, run } = healthyTarget(repo, pack);
  const marker = '\u001eFS-0000000000000000';
  const payload = Buffer.from(JSON.stringify({
    host: 'canned', pack: pack.name, marker, cloud: target.cloud, vars: target.vars,
    controllerUtc: new Date().toISOString(), checkBudgetMs: 20_000, checks: run,
  })).toString('base64');
  const out = spawnSync(pwsh, ['-NoProfile', '-NonInteractive', '-EncodedCommand', ENCODED_BOOTSTRAP], {
    input: Buffer.concat(bootstrapInput({ key: pack.name, text: buildBundle(pack.name, { staged: true }) }, payload)), encoding: 'utf8', maxBuffer: 64 << 20,
    env: { ...process.env, TERM: 'dumb', NO_COLOR: '1', FLEET_SCAN_STAGED_STATE: state },
  });
  const frames = out.stdout.split('\n').filter((l) => l.startsWith(marker)).map((l) => {
    const [, kind, data] = l.trim().split(' ');
    return { kind, value: JSON.parse(Buffer.from(data, 'base64').toString('utf8')) };
  });
  const report = frames.find((f) => f.kind === 'report')?.value;
  if (!report) throw new Error(`capture: the staged scan wrote no report (exit ${out.status}): ${out.stderr.slice(-300)}`);
  const results = Object.fromEntries(report.results.map((r) => [r.id, r]));
  writeFileSync(file, JSON.stringify({ results, report: { ...report, facts: { ...report.facts, staged: false }, results: [] } }));
  return { checks: report.results.length, bytes: frames.reduce((n, f) => n + JSON.stringify(f.value).length, 0) };
}
