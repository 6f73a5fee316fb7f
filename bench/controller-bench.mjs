// Benchmark (not a test): the controller's own limit. Canned targets (bench/canned/) cost the controller
// what a real host costs it and cost almost nothing themselves, so what is measured is fleet-scan: hosts
// per minute, controller CPU-s per host and peak RSS, against the floor of plain `ssh host true` at the
// same concurrency, in the same run. Also the winrm-against-ssh-exec comparison of issue 13 (--only winrm
// in scripts/bench.sh runs it alone: --sizes 50 --concurrency 16 --transports ssh-exec,winrm).
//
//   python3 bench/subreaper.py node bench/controller-bench.mjs [--sizes 1000,5000] [--concurrency 64,256]
//       [--transports ssh-exec,winrm] [--ssh-sizes 200] [--ssh-concurrency 64] [--reps 1] [--section controller|winrm]
//       [--out bench/out/controller-bench.json] [--no-write]
//
// Writes the raw runs to --out and its block of bench/RESULTS.md (between its markers).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadPack } from '../dist/checks/catalog.js';
import { CANNED_PASSWORD_ENV, cannedInventory, startCannedLab } from './canned/canned-lab.mjs';
import { captureReport, healthyTarget } from './canned/capture-report.mjs';
import { PWSH, REPO, fleetScanOk, sshArgs, xargsOk } from './contenders.mjs';
import { renderControllerResults, writeControllerSection } from './controller-results.mjs';
import { runContender } from './run-contender.mjs';

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000' },
    concurrency: { type: 'string', default: '64,256' },
    transports: { type: 'string', default: 'ssh-exec,winrm' },
    'ssh-sizes': { type: 'string', default: '200' },
    'ssh-concurrency': { type: 'string', default: '64' },
    reps: { type: 'string', default: '1' },
    // size x concurrency pairs instead of every size at every concurrency, e.g. 1000x64,1000x256,5000x256
    blocks: { type: 'string' },
    section: { type: 'string', default: 'controller' },
    // The canned hosts' addresses: ssh on 127.<octet>, winrm on 127.<octet + 1> (two benches at once must differ).
    octet: { type: 'string' },
    out: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    // Memory and CPU of fleet-scan alone, without the floor's run: prints the runs, writes no section.
    'no-floor': { type: 'boolean', default: false },
  },
});
const list = (s) => (s ? s.split(',').filter(Boolean).map(Number) : []);
const sizes = list(opts.sizes);
const concurrencies = list(opts.concurrency);
const transports = opts.transports.split(',').filter(Boolean);
const sshSizes = transports.includes('ssh') ? list(opts['ssh-sizes']) : [];
const sshConcurrencies = list(opts['ssh-concurrency']);
const reps = Number(opts.reps);
const outFile = path.resolve(REPO, opts.out ?? `bench/out/${opts.section}-bench.json`);
const log = (s) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

const LABELS = {
  floor: 'floor: `ssh host true`',
  'ssh-exec': 'fleet-scan, `ssh-exec` transport',
  winrm: 'fleet-scan, `winrm` transport (HTTP, NTLM sealed)',
  ssh: 'fleet-scan, `ssh` transport (PS remoting; lab pwsh, one check)',
};

const work = mkdtempSync(path.join(tmpdir(), 'fleet-bench-controller-'));
const pack = loadPack('mars');
const canned = path.join(work, 'canned.json');
const captured = captureReport({ repo: REPO, pwsh: PWSH, pack, file: canned });
log(`canned report: ${captured.checks} checks, ${captured.bytes} bytes of JSON`);
const { target } = healthyTarget(REPO, pack);
const nonRemoting = transports.filter((t) => t !== 'ssh');
const maxSsh = Math.max(0, ...sizes, ...sshSizes, ...(opts.blocks ? opts.blocks.split(',').map((b) => Number(b.split('x')[0])) : []));
const lab = await startCannedLab({
  dir: path.join(work, 'lab'), sshHosts: maxSsh, winrmHosts: transports.includes('winrm') ? maxSsh : 0, canned,
  octet: Number(opts.octet ?? (opts.section === 'winrm' ? 4 : 2)),
});
log(`canned lab: ${lab.ssh.length} ssh hosts, ${lab.winrm.length} winrm hosts, ${lab.pids.length} daemons`);

const files = new Map();
function once(key, make) {
  if (!files.has(key)) files.set(key, make(path.join(work, key)));
  return files.get(key);
}
const hostsFile = (n) => once(`hosts-${n}.txt`, (f) => (writeFileSync(f, `${lab.ssh.slice(0, n).map((h) => h.address).join('\n')}\n`), f));
const inventory = (t, n) => once(`inventory-${t}-${n}.json`, (f) => (writeFileSync(f, JSON.stringify(cannedInventory(lab, t, n, target.vars))), f));
const ctx = { port: lab.port, clientKey: lab.clientKey, knownHosts: lab.knownHosts };

function command(contender, n, c, outDir) {
  if (contender === 'floor') {
    return { file: 'xargs', args: ['-a', hostsFile(n), '-P', String(c), '-I{}', 'ssh', ...sshArgs(ctx), '{}', 'true'], env: {} };
  }
  const args = [path.join(REPO, 'bin', 'fleet-scan.js'), 'scan', '-i', inventory(contender, n), '--no-history', '-o', outDir,
    '--concurrency', String(c), '-q', '--connect-timeout', '120s', '--deadline', '600s'];
  // The ssh canned target is a real pwsh: one cheap check keeps its cost (not the point here) low.
  if (contender === 'ssh') args.push('--checks', 'mars-os-server-core');
  return { file: process.execPath, args, env: { [CANNED_PASSWORD_ENV]: lab.password ?? '' } };
}

const blocks = [];
const pairs = opts.blocks ? opts.blocks.split(',').map((b) => b.split('x').map(Number)) : sizes.flatMap((n) => concurrencies.map((c) => [n, c]));
const floor = opts['no-floor'] ? [] : ['floor'];
for (const [n, c] of pairs) blocks.push({ n, c, contenders: [...floor, ...nonRemoting] });
for (const n of sshSizes) for (const c of sshConcurrencies) blocks.push({ n, c, contenders: [...floor, 'ssh'] });

const runs = [];
try {
  for (const block of blocks) {
    for (let rep = 0; rep < reps; rep++) {
      const k = block.contenders.length;
      for (const id of block.contenders.map((_, i) => block.contenders[(i + rep) % k])) {
        const outDir = mkdtempSync(path.join(work, `${id}-`));
        const m = await runContender(command(id, block.n, block.c, outDir), { listeners: lab.pids, timeoutMs: 60 * 60_000 });
        const v = id === 'floor' ? xargsOk({ ...m, n: block.n }) : fleetScanOk({ ...m, n: block.n, outDir });
        rmSync(outDir, { recursive: true, force: true });
        const run = { contender: id, n: block.n, concurrency: block.c, rep, ...m, valid: v.ok, hostsOk: v.hosts, detail: v.detail };
        delete run.stdout;
        delete run.stderr;
        runs.push(run);
        log(`n=${block.n} c=${block.c} rep=${rep} ${id}: ${(m.wallMs / 1000).toFixed(1)} s, ctrl ${(m.controllerCpu / block.n * 1000).toFixed(1)} CPU-ms/host, ` +
          `RSS ${(m.controllerPeakRss / 2 ** 20).toFixed(0)} MB (PSS ${(m.controllerPeakPss / 2 ** 20).toFixed(0)}), load ${m.load1}${v.ok ? '' : `  INVALID: ${v.detail}`}`);
      }
    }
  }
  const meta = {
    section: opts.section, date: new Date().toISOString(), node: process.version, reps, labels: LABELS,
    canned: captured,
    command: `python3 bench/subreaper.py node bench/controller-bench.mjs --section ${opts.section} ${opts.blocks ? `--blocks ${opts.blocks}` : `--sizes ${opts.sizes} --concurrency ${opts.concurrency}`} --transports ${opts.transports}` +
      (sshSizes.length ? ` --ssh-sizes ${opts['ssh-sizes']} --ssh-concurrency ${opts['ssh-concurrency']}` : '') + ` --reps ${reps}`,
  };
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify({ meta, runs }, null, 2));
  if (opts['no-floor']) {
    process.stdout.write(`${JSON.stringify(runs.map((r) => ({ contender: r.contender, n: r.n, c: r.concurrency, valid: r.valid, cpuPerHost: r.controllerCpu / r.n, rssMb: r.controllerPeakRss / 2 ** 20, pssMb: r.controllerPeakPss / 2 ** 20, workerMb: r.controllerPeakByName?.dotnet ?? 0, nodeMb: r.controllerPeakByName?.node ?? 0 })), null, 1)}\n`);
  } else {
    const markdown = renderControllerResults(meta, runs);
    process.stdout.write(`${markdown}\n`);
    if (!opts['no-write']) writeControllerSection(path.join(REPO, 'bench', 'RESULTS.md'), meta.section, markdown);
  }
} finally {
  await lab.stop();
  rmSync(work, { recursive: true, force: true });
}
