// Runs one contender once and measures it: wall time, controller CPU and peak RSS (its whole process
// tree), remote CPU and peak RSS (the lab listeners' descendants), and the CPU the rest of the machine
// used meanwhile (other work on the shared box: the noise indicator).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { descendants, procTable, reapedCpu, startSampler } from './proc-sampler.mjs';

const TICKS = 100;

/** Busy CPU seconds of the whole machine since boot (everything but idle and iowait). */
function machineBusy() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  return (total - f[3] - f[4]) / TICKS;
}

const ownCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Waits until no session runs under the listeners (a finished client may leave its remote pwsh exiting). */
export async function drainRemote(listeners, limitMs = 20_000) {
  const until = Date.now() + limitMs;
  for (;;) {
    const left = descendants(procTable(), listeners).length;
    if (left === 0) return 0;
    if (Date.now() > until) return left;
    await sleep(100);
  }
}

// Under bench/subreaper.py every orphan is reaped there and logged with its exact CPU.
const REAPED = process.env.FLEET_BENCH_REAPED;
const reapedLogSize = () => (REAPED && existsSync(REAPED) ? statSync(REAPED).size : undefined);

/** The orphans reaped since `from`, attributed by the trees they were seen in; undefined without the log. */
function reapedOrphans(from, trackers) {
  if (from === undefined) return undefined;
  const text = readFileSync(REAPED).subarray(from).toString('utf8');
  const sums = { controller: 0, remote: 0, unattributed: 0 };
  for (const line of text.split('\n')) {
    const [pid, cpu] = line.split(' ').map(Number);
    if (!pid) continue;
    if (trackers.remote.hasPid(pid)) sums.remote += cpu;
    else if (trackers.controller.hasPid(pid)) sums.controller += cpu;
    else sums.unattributed += cpu;
  }
  return sums;
}

const listenerCpu = (listeners) => listeners.reduce((sum, pid) => sum + reapedCpu(pid), 0);

/**
 * `spec` is { file, args, env }. The child is our own child, so once it is reaped its CPU and that of every
 * descendant it reaped lands in our cutime/cstime; the lab listeners (also our children) are never reaped
 * during a run, so they do not blur it.
 */
export async function runContender(spec, { listeners, timeoutMs = 20 * 60_000 }) {
  const leftOver = await drainRemote(listeners);
  const before = { self: reapedCpu(process.pid), remote: listenerCpu(listeners), busy: machineBusy(), own: ownCpu(), load: readFileSync('/proc/loadavg', 'utf8').split(' ')[0] };
  const reapedFrom = reapedLogSize();
  let pid;
  const sampler = startSampler({ root: () => pid, listeners });
  const t0 = performance.now();
  const child = spawn(spec.file, spec.args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...spec.env }, detached: true });
  pid = child.pid;
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s) => { stdout = (stdout + s).slice(-65_536); });
  child.stderr.setEncoding('utf8').on('data', (s) => { stderr = (stderr + s).slice(-65_536); });
  const timer = setTimeout(() => {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
  }, timeoutMs);
  const code = await new Promise((resolve) => {
    child.on('error', (e) => { stderr += e.message; resolve(-1); });
    child.on('close', (c, sig) => resolve(sig ? `signal ${sig}` : c));
  });
  const wallMs = performance.now() - t0;
  clearTimeout(timer);
  // Wait for the remote sessions (and any orphan) to end, so their CPU is counted and runs never overlap.
  const until = Date.now() + 20_000;
  let stillAlive;
  while ((stillAlive = sampler.alive()) > 0 && Date.now() < until) await sleep(100);
  await sleep(200); // the subreaper logs right after its wait4
  const peaks = sampler.stop();
  const after = { self: reapedCpu(process.pid), remote: listenerCpu(listeners), busy: machineBusy(), own: ownCpu() };
  const orphans = reapedOrphans(reapedFrom, peaks.trackers);
  const controllerCpu = after.self - before.self + (orphans ? orphans.controller : peaks.controllerOrphanCpu);
  const remoteCpu = after.remote - before.remote + (orphans ? orphans.remote : peaks.remoteOrphanCpu);
  delete peaks.trackers;
  const benchCpu = after.own - before.own;
  return {
    code, stdout, stderr, wallMs, controllerCpu, remoteCpu,
    foreignCpu: Math.max(0, after.busy - before.busy - controllerCpu - remoteCpu - benchCpu),
    benchCpu, load1: Number(before.load), leftOverBefore: leftOver, aliveAfter: stillAlive, orphanAccounting: orphans ? 'subreaper' : 'sampled', unattributedOrphanCpu: orphans?.unattributed ?? 0, ...peaks,
  };
}
