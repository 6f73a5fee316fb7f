// Benchmark (not a test): the load run of issue 15. One inventory of many hosts, most of them cheap
// misbehaving targets and some real lab hosts, scanned in this process (it is the controller) with a wide
// pool; then the figures a reliability claim needs: wall time against (hosts / concurrency) x deadline,
// the controller's peak RSS at two fleet sizes, file descriptors and child processes before and after,
// and every host's status against what its kind must honestly end as.
//
//   npm run build && python3 bench/subreaper.py node bench/load-run.mjs
//       [--sizes 200,1000] [--real 50] [--concurrency 200] [--deadline 60s] [--connect-timeout 10s]
//       [--checks mars-dotnet-version,mars-clock-skew] [--out bench/out/load-run.json] [--write]
//
// --write puts the table into bench/RESULTS.md between the load-run markers (the prose around is kept).
// The misbehaving targets are served by a child process (so their sockets are not the controller's):
//   refused      nothing listens on the port                          -> unreachable, connection refused
//   blackholed   accepts TCP and never says a word                     -> unreachable, connect timed out
//   banner-stall accepts, sends an SSH banner, then never answers      -> unreachable, timed out in the banner exchange
//   tls-stall    winrm over HTTPS: accepts TCP, never answers TLS      -> unreachable, connect timed out
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORTS = { refused: 40024, blackholed: 40022, 'banner-stall': 40023, 'tls-stall': 40986 };
const SILENT_KINDS = ['refused', 'blackholed', 'banner-stall', 'tls-stall'];
// The status each kind must end with; the reasons seen are reported beside it, in the transport's words. A real
// host may also end `timeout`, honestly, when it really ran past its deadline (an overloaded machine).
const EXPECTED = { real: 'ok', refused: 'unreachable', blackholed: 'unreachable', 'banner-stall': 'unreachable', 'tls-stall': 'unreachable' };

// Child mode: serve the silent targets on every loopback address until the parent goes.
if (process.argv[2] === '--serve-silent') {
  const { listenAndHold } = await import('../dist/lab/hold-open-listener.js');
  const hour = 3_600_000;
  await listenAndHold('0.0.0.0', PORTS.blackholed, hour);
  await listenAndHold('0.0.0.0', PORTS['banner-stall'], hour, 'SSH-2.0-OpenSSH_9.2p1 fleet-scan-stall\r\n');
  await listenAndHold('0.0.0.0', PORTS['tls-stall'], hour);
  process.stdout.write('ready\n');
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
} else {
  await main();
}

async function main() {
  const { values: opts } = parseArgs({
    options: {
      sizes: { type: 'string', default: '200,1000' },
      real: { type: 'string', default: '50' },
      concurrency: { type: 'string', default: '200' },
      deadline: { type: 'string', default: '60s' },
      'connect-timeout': { type: 'string', default: '10s' },
      checks: { type: 'string', default: 'mars-dotnet-version,mars-clock-skew,mars-os-supported' },
      out: { type: 'string', default: 'bench/out/load-run.json' },
      write: { type: 'boolean', default: false },
    },
  });
  const { startFleet } = await import('../dist/lab/index.js');
  const { loadInventory } = await import('../dist/inventory/load.js');
  const { loadPack } = await import('../dist/checks/catalog.js');
  const { validateVars } = await import('../dist/checks/pack-vars.js');
  const { runScan } = await import('../dist/runner/run-scan.js');
  const { newRunId } = await import('../dist/runner/run-id.js');
  const { parseDuration } = await import('../dist/inventory/duration.js');

  const sizes = opts.sizes.split(',').map(Number);
  const realCount = Number(opts.real);
  const concurrency = Number(opts.concurrency);
  const deadlineMs = parseDuration(opts.deadline);
  const pack = loadPack('mars');
  const dir = mkdtempSync(path.join(tmpdir(), 'fs-load-run-'));
  const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const loadBefore = load();

  const silent = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve-silent'], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    silent.stdout.once('data', resolve);
    silent.once('exit', () => reject(new Error('the silent targets did not start')));
  });
  const healthy = path.join(REPO, 'test', 'fixtures', 'states', 'healthy-public.json');
  const lab = await startFleet({ dir: path.join(dir, 'lab'), base: '127.1.50', count: realCount, states: [healthy] });
  const vars = JSON.parse(readFileSync(healthy, 'utf8')).inventory.vars;
  const results = [];
  try {
    for (const size of sizes) {
      const hosts = fleetOf(size, realCount, lab, vars);
      const file = path.join(dir, `inventory-${size}.json`);
      writeFileSync(file, JSON.stringify({
        name: `load-run-${size}`,
        defaults: { user: 'root', keyFile: lab.clientKey, knownHostsFile: lab.knownHosts, connectTimeout: opts['connect-timeout'], cloud: 'public', lab: true },
        hosts: hosts.map((h) => h.entry),
      }));
      const inventory = await loadInventory(file, { validateVars: (v) => validateVars(pack, v) });
      results.push(await measuredRun({ size, inventory, hosts, pack, concurrency, deadlineMs, checks: opts.checks.split(','), runScan, newRunId, dir }));
      process.stderr.write(`load-run: ${size} hosts done in ${(results.at(-1).wallMs / 1000).toFixed(1)} s\n`);
    }
  } finally {
    silent.stdin.end();
    await lab.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const report = { when: new Date().toISOString(), loadBefore, loadAfter: load(), cores: (await import('node:os')).cpus().length, concurrency, deadlineMs, connectTimeout: opts['connect-timeout'], realCount, checks: opts.checks, results };
  mkdirSync(path.dirname(path.resolve(REPO, opts.out)), { recursive: true });
  writeFileSync(path.resolve(REPO, opts.out), `${JSON.stringify(report, null, 2)}\n`);
  const table = renderTable(report);
  process.stdout.write(`${table}\n`);
  if (opts.write) writeSection(table);
}

/** `size` hosts: the real lab hosts first, then the silent kinds in turn, each on its own loopback address. */
function fleetOf(size, realCount, lab, vars) {
  const hosts = [];
  const real = Math.min(realCount, size, lab.hosts.length);
  for (let i = 0; i < real; i++) {
    const h = lab.hosts[i];
    hosts.push({ kind: 'real', entry: { name: `real${String(i + 1).padStart(3, '0')}`, address: h.address, port: lab.port, transport: 'ssh-exec', shell: lab.powershell, vars } });
  }
  for (let i = 0; hosts.length < size; i++) {
    const kind = SILENT_KINDS[i % SILENT_KINDS.length];
    const address = `127.2.${Math.floor(i / 250)}.${(i % 250) + 2}`;
    const name = `${kind}-${String(i + 1).padStart(4, '0')}`;
    const entry = kind === 'tls-stall'
      ? { name, address, port: PORTS[kind], transport: 'winrm', useSsl: true, user: 'labadmin', credentialEnv: 'FS_LOAD_RUN_PASSWORD', vars }
      : { name, address, port: PORTS[kind], transport: 'ssh-exec', vars };
    hosts.push({ kind, entry });
  }
  return hosts;
}

function fdCount() {
  return readdirSync('/proc/self/fd').length;
}

function childPids() {
  const parents = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') continue;
      parents.set(Number(pid), Number(fields[1]));
    } catch {
      // gone
    }
  }
  const mine = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of parents) if (mine.has(parent) && !mine.has(pid)) (mine.add(pid), (grew = true));
  }
  mine.delete(process.pid);
  return [...mine];
}

function rssOf(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

async function measuredRun({ size, inventory, hosts, pack, concurrency, deadlineMs, checks, runScan, newRunId, dir }) {
  const silentPid = new Set(childPids());
  const before = { fds: fdCount(), children: childPids().length };
  let peakRss = 0;
  let peakWorkerRss = 0;
  let peakChildren = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const kids = childPids().filter((p) => !silentPid.has(p));
    peakChildren = Math.max(peakChildren, kids.length);
    for (const pid of kids) {
      let cmd = '';
      try {
        cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        continue; // gone since the table was read
      }
      if (cmd.includes('pwsh.dll')) peakWorkerRss = Math.max(peakWorkerRss, rssOf(pid));
    }
  }, 250);
  const started = Date.now();
  const record = await runScan({
    runId: newRunId(), inventory, hosts: inventory.hosts, pack, checkIds: checks, tags: null, concurrency, deadlineMs,
    connectTimeoutMs: Math.max(...inventory.hosts.map((h) => h.connectTimeoutMs)), failOn: 'any', signal: new AbortController().signal,
    journalFile: path.join(dir, `journal-${size}.jsonl`), secrets: new Map([['FS_LOAD_RUN_PASSWORD', 'not-used-the-target-never-answers']]),
  });
  const wallMs = Date.now() - started;
  clearInterval(sampler);
  // Let closed sockets and reaped children settle before counting what is left.
  await new Promise((r) => setTimeout(r, 2000));
  const after = { fds: fdCount(), children: childPids().length };
  const kindOf = new Map(hosts.map((h) => [h.entry.name, h.kind]));
  const byKind = {};
  const dishonest = [];
  for (const h of record.hosts) {
    const kind = kindOf.get(h.name);
    const want = EXPECTED[kind];
    const row = (byKind[kind] ??= { hosts: 0, statuses: {}, reasons: [], minMs: Infinity, maxMs: 0 });
    row.hosts++;
    row.statuses[h.status] = (row.statuses[h.status] ?? 0) + 1;
    row.minMs = Math.min(row.minMs, h.durationMs ?? 0);
    row.maxMs = Math.max(row.maxMs, h.durationMs ?? 0);
    // The reason with its address and figures taken out, so hosts of one kind share it.
    const reason = (h.reason ?? '').replace(/\d+(\.\d+)*(:\d+)?/g, 'N');
    if (reason && !row.reasons.includes(reason)) row.reasons.push(reason);
    const ranOut = kind === 'real' && h.status === 'timeout' && (h.durationMs ?? 0) >= deadlineMs;
    if (h.status !== want && !ranOut) dishonest.push(`${h.name}: ${h.status} ${h.reason ?? ''}`);
  }
  const boundMs = Math.ceil(size / concurrency) * deadlineMs;
  return { size, wallMs, boundMs, peakRss, peakWorkerRss, peakChildren, before, after, byKind, dishonest: dishonest.slice(0, 20), dishonestCount: dishonest.length };
}

function renderTable(report) {
  const mib = (b) => `${(b / 1048576).toFixed(0)} MiB`;
  const lines = [
    `Measured ${report.when.slice(0, 10)} on ${report.cores} cores (load average ${report.loadBefore} before, ${report.loadAfter} after; the machine was shared),`,
    `--concurrency ${report.concurrency}, --deadline ${report.deadlineMs / 1000}s, connect timeout ${report.connectTimeout}, ${report.realCount} real lab hosts (ssh-exec, checks ${report.checks}), the rest misbehaving.`,
    '',
    '| hosts | wall | bound (hosts ÷ concurrency × deadline) | controller peak RSS | pwsh worker peak RSS | peak children | fds before → after | children before → after | dishonest statuses |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...report.results.map((r) => `| ${r.size} | ${(r.wallMs / 1000).toFixed(1)} s | ${(r.boundMs / 1000).toFixed(0)} s | ${mib(r.peakRss)} | ${mib(r.peakWorkerRss)} | ${r.peakChildren} | ${r.before.fds} → ${r.after.fds} | ${r.before.children} → ${r.after.children} | ${r.dishonestCount} |`),
    '',
    '| hosts | kind | count | statuses | shortest / longest host | reasons (figures as N) |',
    '| ---: | --- | ---: | --- | ---: | --- |',
    ...report.results.flatMap((r) => Object.entries(r.byKind).map(([kind, k]) => `| ${r.size} | ${kind} | ${k.hosts} | ${Object.entries(k.statuses).map(([s, n]) => `${s} ${n}`).join(', ')} | ${(k.minMs / 1000).toFixed(1)} / ${(k.maxMs / 1000).toFixed(1)} s | ${k.reasons.slice(0, 2).join('; ').replace(/\|/g, '/') || '-'} |`)),
  ];
  return lines.join('\n');
}

function writeSection(table) {
  const file = path.join(REPO, 'bench', 'RESULTS.md');
  const start = '<!-- load-run:start -->';
  const end = '<!-- load-run:end -->';
  const text = readFileSync(file, 'utf8');
  const body = `${start}\n${table}\n${end}`;
  const updated = text.includes(start)
    ? text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), body)
    : `${text.trimEnd()}\n\n## Load run (issue 15)\n\n\`python3 bench/subreaper.py node bench/load-run.mjs --write\` (bench/load-run.mjs): one inventory of mostly misbehaving targets plus real lab hosts, scanned at a wide pool in the bench process itself, so its own RSS, file descriptors and children are the controller's.\n\n${body}\n`;
  writeFileSync(file, updated);
}
