// Bench: what the MARS pack costs one target beyond a bare pwsh start, and where that cost goes.
// One local pwsh per run, no ssh, no other contender: the quiet-machine figure behind the fleet bench's
// "remote beyond pwsh start". Run after `npm run build`:
//   node bench/pack-cost.mjs [--rounds 7] [--no-write]
// Writes its block of bench/RESULTS.md (between the pack-cost markers).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildBundle } from '../dist/checks/bundle.js';
import { loadPack } from '../dist/checks/catalog.js';
import { ENCODED_BOOTSTRAP, bootstrapInput } from '../dist/runner/transports/ssh-exec.js';
import { loadNow, machineLine, median, spread } from './bench-env.mjs';
import { healthyTarget } from './canned/capture-report.mjs';
import { replaceSection } from './results-section.mjs';

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const PWSH = path.join(REPO, '.tools', 'bin', 'pwsh');
const { values: opts } = parseArgs({ options: { rounds: { type: 'string', default: '7' }, 'no-write': { type: 'boolean', default: false } } });
const rounds = Number(opts.rounds);

const pack = loadPack('mars');
const { state, target, run } = healthyTarget(REPO, pack);
const env = { ...process.env, TERM: 'dumb', NO_COLOR: '1', FLEET_SCAN_STAGED_STATE: state };
const payload = Buffer.from(JSON.stringify({
  host: 'fs01', pack: 'mars', checks: run, cloud: target.cloud, vars: target.vars,
  controllerUtc: new Date().toISOString(), checkBudgetMs: 20_000, marker: '\u001eFS-0000000000000000',
})).toString('base64');
const ids = run.map((r) => r.id);
const BUNDLES = {
  'staged-all': { label: 'lab host, every check of the pack (what `scan` sent before plan-only bundles)', text: buildBundle('mars', { staged: true }) },
  'staged-plan': { label: 'lab host, only the checks of its plan and the helpers they use (what `scan` sends)', text: buildBundle('mars', { staged: true, checks: ids }) },
  'real-all': { label: 'real host, every check of the pack', text: buildBundle('mars', { staged: false }) },
  'real-plan': { label: 'real host, only the checks of its plan and the helpers they use (what `scan` sends)', text: buildBundle('mars', { staged: false, checks: ids }) },
};
const dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-pack-cost-'));
for (const [id, b] of Object.entries(BUNDLES)) {
  b.file = path.join(dir, `${id}.ps1`);
  writeFileSync(b.file, b.text);
  b.input = path.join(dir, `${id}.input`);
  writeFileSync(b.input, Buffer.concat(bootstrapInput({ key: id, text: b.text }, payload)));
}

/** CPU seconds (user + sys) of one command, from bash's `times` for its children. */
function cpuOf(args, stdinFile, extraEnv = {}) {
  const redirect = stdinFile ? ' < "$IN"' : ' < /dev/null';
  const out = spawnSync('bash', ['-c', `"$@"${redirect} > /dev/null; times`, '_', ...args], { env: { ...env, ...extraEnv, IN: stdinFile ?? '' }, encoding: 'utf8' });
  const children = out.stdout.trim().split('\n').pop() ?? '';
  const secs = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (out.status !== 0 || secs.length !== 2) throw new Error(`pack-cost: ${args[0]} failed: ${out.stderr.slice(-300)}`);
  return secs[0] + secs[1];
}

const FLOOR = [PWSH, '-NoProfile', '-NonInteractive', '-c', '1'];
const SCAN = [PWSH, '-NoProfile', '-NonInteractive', '-EncodedCommand', ENCODED_BOOTSTRAP];
// Two runtimes: as the lab's pwsh runs (.NET defaults), and without tiered re-compiling, which a process
// that lives one scan pays for and barely uses; it is also how Windows PowerShell 5.1's .NET Framework
// compiles (each method once, no second tier).
const RUNTIMES = { default: {}, 'no-tiering': { DOTNET_TieredCompilation: '0' } };
const cpu = {};
const load = [loadNow()];
try {
  cpuOf(FLOOR); // warm the page cache, not counted
  for (let r = 0; r < rounds; r++) {
    // Alternate, so drift in the machine's load hits every row alike.
    for (const [rt, extra] of Object.entries(RUNTIMES)) {
      (cpu[`${rt}:floor`] ??= []).push(cpuOf(FLOOR, undefined, extra));
      for (const id of ['staged-all', 'staged-plan']) (cpu[`${rt}:${id}`] ??= []).push(cpuOf(SCAN, BUNDLES[id].input, extra));
    }
  }
  const parse = {};
  for (let r = 0; r < Math.min(3, rounds); r++) {
    for (const [id, b] of Object.entries(BUNDLES)) {
      const out = spawnSync(PWSH, ['-NoProfile', '-NonInteractive', '-File', path.join(REPO, 'bench', 'pack-phases.ps1'), '-InputPath', b.input, '-ParseOnly'], { env, encoding: 'utf8' });
      (parse[id] ??= []).push(JSON.parse(out.stdout.trim().split('\n').pop()).phases[1].cpuMs);
    }
  }
  const phasesRun = spawnSync(PWSH, ['-NoProfile', '-NonInteractive', '-File', path.join(REPO, 'bench', 'pack-phases.ps1'), '-InputPath', BUNDLES['staged-plan'].input], { env, encoding: 'utf8' });
  const phases = JSON.parse(phasesRun.stdout.trim().split('\n').pop()).phases;
  load.push(loadNow());

  const beyond = (rt, id) => median(cpu[`${rt}:${id}`]) - median(cpu[`${rt}:floor`]);
  const row = (rt, id, label) => {
    const b = beyond(rt, id);
    return `| ${label} | ${spread(cpu[`${rt}:${id}`])} | **${b.toFixed(2)}** | ${(median(cpu[`${rt}:${id}`]) / median(cpu[`${rt}:floor`])).toFixed(2)} × |`;
  };
  const best = beyond('default', 'staged-plan');
  const md = [
    '<!-- pack-cost:begin (generated by bench/pack-cost.mjs) -->',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machineLine(PWSH)}; load average ${load[0].toFixed(1)} at the start, ${load[1].toFixed(1)} at the end; ${rounds} alternating rounds, one pwsh at a time, staged healthy host (\`lab/states/01-fs01-healthy-public.json\`), ${run.length} host checks planned (${run.filter((r) => r.report).length} reported). CPU-s, median (min–max) over the rounds.`,
    '',
    '| what | CPU-s | beyond the pwsh start | × the start |',
    '| --- | ---: | ---: | ---: |',
    `| \`pwsh -NoProfile -c 1\` (the pwsh-start floor) | ${spread(cpu['default:floor'])} | – | 1.00 × |`,
    row('default', 'staged-all', `MARS scan as a target runs it (ssh-exec bootstrap, bundle on stdin): ${BUNDLES['staged-all'].label}`),
    row('default', 'staged-plan', `the same, ${BUNDLES['staged-plan'].label}`),
    `| the pwsh-start floor without tiered re-compiling (\`DOTNET_TieredCompilation=0\`) | ${spread(cpu['no-tiering:floor'])} | – | 1.00 × |`,
    row('no-tiering', 'staged-all', 'MARS scan, every check, `DOTNET_TieredCompilation=0`'),
    row('no-tiering', 'staged-plan', 'MARS scan, the plan\'s checks only, `DOTNET_TieredCompilation=0`'),
    '',
    `Goal: under 0.5 CPU-s beyond the pwsh start → ${best < 0.5 ? '**met**' : `**MISSED**: ${best.toFixed(2)} CPU-s`} (the plan's bundle, .NET defaults).`,
    '',
    'The bundles, and what parsing each costs a fresh pwsh (first parse in the process; median (min–max) of up to 3):',
    '',
    '| bundle | size | parse, CPU ms |',
    '| --- | ---: | ---: |',
    ...Object.entries(BUNDLES).map(([id, b]) => `| ${b.label} | ${(b.text.length / 1024).toFixed(0)} KB | ${spread(parse[id], 0)} |`),
    '',
    'One run of the plan\'s bundle taken apart (`bench/pack-phases.ps1`; CPU of the whole process, .NET JIT of all its threads):',
    '',
    '| phase | CPU ms | methods JIT-compiled | JIT ms |',
    '| --- | ---: | ---: | ---: |',
    ...phases.map((x) => `| ${x.name} | ${x.cpuMs} | ${x.jitMethods} | ${x.jitMs} |`),
    '',
    'Reproduce: `npm run bench -- --only pack` or, after `npm run build`: `node bench/pack-cost.mjs --rounds ' + rounds + '`.',
    '',
    '<!-- pack-cost:end -->',
  ].join('\n');
  if (!opts['no-write']) {
    replaceSection(path.join(REPO, 'bench', 'RESULTS.md'), {
      begin: '<!-- pack-cost:begin (generated by bench/pack-cost.mjs) -->', end: '<!-- pack-cost:end -->',
      heading: '## MARS pack cost on one target',
    }, md);
  }
  console.log(md);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
