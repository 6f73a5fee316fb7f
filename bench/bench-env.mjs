// What every results table states: the machine, the load, the number of runs and the spread.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

// ssh -V writes to stderr: read both streams.
const version = (file, args, pattern) => {
  const run = spawnSync(file, args, { encoding: 'utf8' });
  return pattern.exec(`${run.stdout ?? ''}${run.stderr ?? ''}`)?.[1] ?? 'unknown';
};

/** "2 cores (AMD EPYC ...), 24 GB RAM, Node v20, pwsh 7.6.9, OpenSSH_9.2p1": read from this machine. */
export function machineLine(pwsh) {
  const ssh = version('ssh', ['-V'], /(OpenSSH_[\w.]+)/);
  const ps = pwsh ? `, pwsh ${version(pwsh, ['-NoProfile', '-NonInteractive', '-c', '$PSVersionTable.PSVersion.ToString()'], /(\d+\.\d+\.\d+)/)}` : '';
  return `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 1024 ** 3)} GB RAM, Node ${process.version}${ps}, ${ssh}`;
}

/** The 1-minute load average now. */
export const loadNow = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** "median (min–max)" with `digits` decimals, or "median" alone for one run. */
export function spread(xs, digits = 2) {
  if (xs.length === 0) return '–';
  const f = (x) => x.toFixed(digits);
  return xs.length === 1 ? f(xs[0]) : `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
}
