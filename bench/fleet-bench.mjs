// Benchmark (not a test): fleet-scan against the floors of the transport and the hand-rolled pwsh
// baselines, on one loopback lab, in one run, contenders alternated so machine drift hits all alike.
//
//   npm run bench -- --only fleet      (setup, build, lab-start, this)
//   python3 bench/subreaper.py node bench/fleet-bench.mjs [--sizes 10,50,100] [--rss-size 20] [--reps 3]
//       [--concurrency 16] [--contenders id,...] [--out bench/out/fleet-bench.json] [--no-write]
//   node bench/fleet-merge.mjs a.json b.json ...   (one report from several runs' raw files)
//
// Writes bench/out/fleet-bench.json (every run) and the generated part of the "Fleet scan" section of
// bench/RESULTS.md (between the fleet-bench markers; the prose around them is kept).
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildBundle } from '../dist/checks/bundle.js';
import { loadPack } from '../dist/checks/catalog.js';
import { buildLabInventory } from '../dist/lab/lab-inventory.js';
import { startFleet } from '../dist/lab/index.js';
import { planHost } from '../dist/checks/plan.js';
import { checkBudgetFor } from '../dist/runner/run-scan.js';
import { buildPayload } from '../dist/runner/scan-host.js';
import { CONTENDERS, REPO } from './contenders.mjs';
import { renderResults, writeResultsSection } from './fleet-results.mjs';
import { runContender } from './run-contender.mjs';

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10,50,100' },
    'rss-size': { type: 'string', default: '20' },
    reps: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '16' },
    contenders: { type: 'string', default: CONTENDERS.map((c) => c.id).join(',') },
    out: { type: 'string', default: 'bench/out/fleet-bench.json' },
    'warmup-size': { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});
const sizes = opts.sizes.split(',').map(Number);
const rssSize = Number(opts['rss-size']);
const reps = Number(opts.reps);
const concurrency = Number(opts.concurrency);
const chosen = CONTENDERS.filter((c) => opts.contenders.split(',').includes(c.id));
const STATE = path.join(REPO, 'test', 'fixtures', 'states', 'healthy-public.json');
const BASE = '127.0.170'; // the benchmark's loopback range is 127.0.170-199
const DEADLINE_MS = 120_000; // fleet-scan's default --deadline, for the baseline's check budget

const work = mkdtempSync(path.join(tmpdir(), 'fleet-bench-'));
const maxHosts = Math.max(...sizes, rssSize, Number(opts['warmup-size'] ?? 0));
const log = (s) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

const lab = await startFleet({ dir: path.join(work, 'lab'), base: BASE, count: maxHosts, states: [STATE] });
const listeners = lab.hosts.map((h) => h.pid);
try {
  const state = JSON.parse((await import('node:fs')).readFileSync(STATE, 'utf8'));
  const pack = loadPack('mars');
  const bundleFile = path.join(work, 'mars-bundle.ps1');
  // The lab hosts are dressed: the baselines send the same staged bundle fleet-scan sends them.
  writeFileSync(bundleFile, buildBundle('mars', { staged: true }));
  // One payload for every host: the hand-rolled script has no per-host data, as an admin's would not.
  const target = { name: 'baseline', cloud: state.inventory.cloud, vars: state.inventory.vars ?? {} };
  const hostChecks = pack.checks.filter((c) => c.kind === 'host').map((c) => c.id);
  const plan = { pack, checkIds: hostChecks, checkBudgetMs: checkBudgetFor(DEADLINE_MS) };
  const payload = buildPayload(target, plan, planHost(pack, hostChecks, target), `\u001eFS-${randomBytes(8).toString('hex')}`, new Date());
  const files = new Map();
  const ctx = {
    port: lab.port, clientKey: lab.clientKey, knownHosts: lab.knownHosts, powershell: lab.powershell,
    concurrency, connectMs: 180_000, deadlineS: 600, bundleFile, payload,
    hostsFile(n) {
      const key = `hosts-${n}`;
      if (!files.has(key)) {
        const file = path.join(work, `${key}.txt`);
        writeFileSync(file, `${lab.hosts.slice(0, n).map((h) => h.address).join('\n')}\n`);
        files.set(key, file);
      }
      return files.get(key);
    },
    inventory(transport, n) {
      const key = `inventory-${transport}-${n}`;
      if (!files.has(key)) {
        const file = path.join(work, `${key}.json`);
        const doc = buildLabInventory({
          file, schemaFile: path.join(REPO, 'inventory.schema.json'), transport, port: lab.port,
          clientKey: lab.clientKey, knownHosts: lab.knownHosts, shell: lab.powershell,
          hosts: lab.hosts.slice(0, n).map((h) => ({ name: h.name, address: h.address, inventory: state.inventory })),
        });
        writeFileSync(file, JSON.stringify(doc, null, 2));
        files.set(key, file);
      }
      return files.get(key);
    },
  };

  const fleetScanOnly = chosen.filter((c) => c.group === 'fleet-scan');
  // A warm-up round (discarded), then each size; the extra fleet-scan-only size for the RSS target.
  const measured = sizes.map((n) => ({ n, contenders: chosen, reps }));
  if (rssSize > 0 && !sizes.includes(rssSize)) measured.push({ n: rssSize, contenders: fleetScanOnly, reps });
  measured.sort((a, b) => a.n - b.n);
  const warmupSize = Number(opts['warmup-size'] ?? Math.min(...sizes));
  const blocks = [{ n: warmupSize, contenders: chosen, reps: 1, warmup: true }, ...measured];

  const runs = [];
  for (const block of blocks) {
    for (let rep = 0; rep < block.reps; rep++) {
      // Rotate the order every repetition: each contender runs early, late, and after each other one.
      const k = block.contenders.length;
      const order = block.contenders.map((_, i) => block.contenders[(i + rep) % k]);
      for (const c of order) {
        const outDir = mkdtempSync(path.join(work, `${c.id}-`));
        const spec = c.command(block.n, ctx, outDir);
        const m = await runContender(spec, { listeners });
        const v = c.verify({ ...m, n: block.n, outDir });
        rmSync(outDir, { recursive: true, force: true });
        const run = { contender: c.id, n: block.n, rep, warmup: block.warmup === true, ...m, valid: v.ok, hostsOk: v.hosts, detail: v.detail };
        delete run.stdout;
        delete run.stderr;
        runs.push(run);
        log(`${block.warmup ? 'warm-up ' : ''}n=${block.n} rep=${rep} ${c.id}: ${(m.wallMs / 1000).toFixed(1)} s, ctrl ${m.controllerCpu.toFixed(1)} CPU-s / ${(m.controllerPeakRss / 2 ** 20).toFixed(0)} MB, remote ${m.remoteCpu.toFixed(1)} CPU-s, foreign ${m.foreignCpu.toFixed(1)} CPU-s, load ${m.load1}${v.ok ? '' : `  INVALID: ${v.detail}`}`);
      }
    }
  }

  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    concurrency,
    reps,
    command: `python3 bench/subreaper.py node bench/fleet-bench.mjs --sizes ${opts.sizes} --rss-size ${rssSize} --reps ${reps} --concurrency ${concurrency}` +
      (opts['warmup-size'] ? ` --warmup-size ${opts['warmup-size']}` : '') +
      (chosen.length < CONTENDERS.length ? ` --contenders ${opts.contenders}` : ''),
  };
  const rawFile = path.resolve(REPO, opts.out);
  mkdirSync(path.dirname(rawFile), { recursive: true });
  writeFileSync(rawFile, JSON.stringify({ meta, runs }, null, 2));
  const markdown = renderResults(meta, runs, chosen);
  process.stdout.write(`${markdown}\n`);
  if (!opts['no-write']) writeResultsSection(path.join(REPO, 'bench', 'RESULTS.md'), markdown);
} finally {
  await lab.stop();
  rmSync(work, { recursive: true, force: true });
}
