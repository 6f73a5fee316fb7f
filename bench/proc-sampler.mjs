// Samples /proc while one contender runs: the summed RSS of its process tree (the controller side) and of
// the lab listeners' descendants (the remote side), every ~100 ms. CPU comes from cumulative child times
// (cutime+cstime), which are exact for processes that were waited for; sampling would miss the last
// <100 ms of every short-lived ssh or pwsh.
import { readdirSync, readFileSync } from 'node:fs';

const PAGE = 4096;
const TICKS = 100; // USER_HZ on Linux

/** pid, ppid, utime, stime, cutime, cstime (seconds) and rss (bytes) of one process, or undefined if gone. */
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
    ppid: Number(f[1]),
    utime: Number(f[11]) / TICKS,
    stime: Number(f[12]) / TICKS,
    cutime: Number(f[13]) / TICKS,
    cstime: Number(f[14]) / TICKS,
    rss: Number(f[21]) * PAGE,
  };
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
 * Starts sampling. `root()` gives the contender's pid once it exists; `listeners` are the lab's sshd pids.
 * stop() returns the peaks: controller tree RSS (root included) and remote RSS (listeners excluded).
 */
export function startSampler({ root, listeners, intervalMs = 100 }) {
  let controllerPeak = 0;
  let remotePeak = 0;
  let remoteProcsPeak = 0;
  let samples = 0;
  const tick = () => {
    const table = procTable();
    const pid = root();
    if (pid !== undefined) {
      const self = table.get(pid);
      const tree = self ? [self, ...descendants(table, [pid])] : [];
      controllerPeak = Math.max(controllerPeak, tree.reduce((sum, p) => sum + p.rss, 0));
    }
    const remote = descendants(table, listeners);
    remotePeak = Math.max(remotePeak, remote.reduce((sum, p) => sum + p.rss, 0));
    remoteProcsPeak = Math.max(remoteProcsPeak, remote.length);
    samples++;
  };
  const timer = setInterval(tick, intervalMs);
  tick();
  return {
    stop() {
      clearInterval(timer);
      tick();
      return { controllerPeakRss: controllerPeak, remotePeakRss: remotePeak, remoteProcsPeak, samples };
    },
  };
}
