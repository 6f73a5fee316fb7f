// Samples /proc while one contender runs: the summed RSS of its process tree (the controller side) and of
// the lab listeners' descendants (the remote side), every ~100 ms. CPU comes from cumulative child times
// (cutime+cstime), which are exact for processes that were waited for; sampling would miss the last
// <100 ms of every short-lived ssh or pwsh.
import { readdirSync, readFileSync } from 'node:fs';

const PAGE = 4096;
const TICKS = 100; // USER_HZ on Linux
const PF_FORKNOEXEC = 0x40; // include/linux/sched.h: set by fork, cleared by exec

/**
 * pid, ppid, utime, stime, cutime, cstime (seconds), rss (bytes) and whether it has forked but not yet
 * exec'd (the kernel's PF_FORKNOEXEC), of one process, or undefined if gone.
 */
export function readStat(pid) {
  let text;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // comm (field 2) may contain spaces and parentheses: parse after the last ')'.
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  if (f[0] === 'Z' || f[0] === 'X') return undefined;
  return {
    pid,
    name: text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')),
    ppid: Number(f[1]),
    utime: Number(f[11]) / TICKS,
    stime: Number(f[12]) / TICKS,
    cutime: Number(f[13]) / TICKS,
    cstime: Number(f[14]) / TICKS,
    start: Number(f[19]),
    rss: Number(f[21]) * PAGE,
    forkedNoExec: (Number(f[6]) & PF_FORKNOEXEC) !== 0,
  };
}

/**
 * Proportional set size in bytes: shared pages split between their users. RSS sums count a page once per
 * process, so 16 ssh clients count libssl 16 times, and a pwsh forked to start ssh (before its exec) counts
 * the whole pwsh heap again.
 */
export function readPss(pid) {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Every live process, by pid. */
export function procTable() {
  const table = new Map();
  for (const name of readdirSync('/proc')) {
    if (name.charCodeAt(0) < 48 || name.charCodeAt(0) > 57) continue;
    const s = readStat(Number(name));
    if (s) table.set(s.pid, s);
  }
  return table;
}

/** The live descendants of `roots` (not the roots themselves). */
export function descendants(table, roots) {
  const byParent = new Map();
  for (const p of table.values()) {
    const list = byParent.get(p.ppid);
    if (list) list.push(p);
    else byParent.set(p.ppid, [p]);
  }
  const out = [];
  const queue = [...roots];
  while (queue.length > 0) {
    for (const child of byParent.get(queue.pop()) ?? []) {
      out.push(child);
      queue.push(child.pid);
    }
  }
  return out;
}

/** CPU seconds this process has collected from children it reaped. */
export function reapedCpu(pid) {
  const s = readStat(pid);
  return s ? s.cutime + s.cstime : 0;
}

/**
 * The processes of one tree over time: the live descendants of `roots()` (and the roots themselves when
 * `withRoots`), plus every process once seen in the tree that has since been orphaned. Orphans matter: sshd
 * does not wait for a closed subsystem, so the remote pwsh of a PS remoting session finishes under PID 1
 * and its CPU never reaches the listener's cutime. Their CPU is the last sample (up to ~100 ms short).
 */
class TreeTracker {
  constructor(roots, withRoots, { withPss = false, skipForks = false } = {}) {
    this.withPss = withPss;
    this.skipForks = skipForks;
    this.peakPss = 0;
    this.roots = roots;
    this.withRoots = withRoots;
    this.seen = new Map(); // "pid:start" -> { pid, start, cpu, orphaned }
    this.peakRss = 0;
    this.peakProcs = 0;
    this.peakByName = {}; // command name -> RSS summed over its processes, at the tree's peak
    this.liveOrphans = 0;
  }

  update(table) {
    const roots = this.roots();
    const tree = descendants(table, roots);
    if (this.withRoots) for (const r of roots) if (table.has(r)) tree.push(table.get(r));
    const inTree = new Set();
    let rss = 0;
    let pss = 0;
    const byName = {};
    for (const p of tree) {
      const key = `${p.pid}:${p.start}`;
      inTree.add(key);
      this.seen.set(key, { pid: p.pid, start: p.start, cpu: p.utime + p.stime + p.cutime + p.cstime, orphaned: false });
      // A child between fork and exec (pwsh starting an ssh) maps its parent's pages copy-on-write: its RSS
      // is the parent's counted again, not memory of its own: one caught by a sample added a worker's size.
      if (this.skipForks && p.forkedNoExec) continue;
      if (this.withPss) pss += readPss(p.pid);
      byName[p.name] = (byName[p.name] ?? 0) + p.rss;
      rss += p.rss;
    }
    let orphans = 0;
    for (const [key, e] of this.seen) {
      if (inTree.has(key)) continue;
      const p = table.get(e.pid);
      if (!p || p.start !== e.start) continue; // gone: reaped inside the tree (cutime has it) or by PID 1
      e.orphaned = true;
      e.cpu = p.utime + p.stime + p.cutime + p.cstime;
      rss += p.rss;
      if (this.withPss) pss += readPss(p.pid);
      byName[p.name] = (byName[p.name] ?? 0) + p.rss;
      orphans++;
    }
    this.liveOrphans = orphans;
    if (rss > this.peakRss) this.peakByName = byName;
    this.peakRss = Math.max(this.peakRss, rss);
    this.peakPss = Math.max(this.peakPss, pss);
    this.peakProcs = Math.max(this.peakProcs, tree.length + orphans);
    return tree.length;
  }

  /** True if `pid` was ever seen in this tree. */
  hasPid(pid) {
    for (const e of this.seen.values()) if (e.pid === pid) return true;
    return false;
  }

  /** CPU seconds of processes that left the tree alive (never reaped by it). */
  orphanCpu() {
    let sum = 0;
    for (const e of this.seen.values()) if (e.orphaned) sum += e.cpu;
    return sum;
  }
}

/**
 * Starts sampling. `root()` gives the contender's pid once it exists; `listeners` are the lab's sshd pids.
 */
export function startSampler({ root, listeners, intervalMs = 100 }) {
  // Forks are left out only on the controller side: sshd's privilege-separated children also fork without exec,
  // with memory of their own.
  const controller = new TreeTracker(() => (root() === undefined ? [] : [root()]), true, { withPss: true, skipForks: true });
  const remote = new TreeTracker(() => listeners, false);
  let samples = 0;
  let busy = 0;
  const tick = () => {
    const table = procTable();
    busy = controller.update(table) + remote.update(table) + controller.liveOrphans + remote.liveOrphans;
    samples++;
  };
  const timer = setInterval(tick, intervalMs);
  tick();
  return {
    /** Processes still alive in either tree (including orphans), as of a fresh look. */
    alive() {
      tick();
      return busy;
    },
    stop() {
      clearInterval(timer);
      tick();
      return {
        controllerPeakRss: controller.peakRss, controllerPeakPss: controller.peakPss, remotePeakRss: remote.peakRss, remoteProcsPeak: remote.peakProcs,
        controllerPeakByName: Object.fromEntries(Object.entries(controller.peakByName).map(([k, v]) => [k, Math.round(v / 2 ** 20)])),
        controllerOrphanCpu: controller.orphanCpu(), remoteOrphanCpu: remote.orphanCpu(), samples,
        trackers: { controller, remote },
      };
    },
  };
}
