// The contenders of the fleet benchmark: how each one is started on the first N lab hosts, and how its
// run is checked (a run that did not scan every host is not a valid time).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const PWSH = path.join(REPO, '.tools', 'bin', 'pwsh');

export function sshArgs(ctx) {
  return [
    '-T', '-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${ctx.knownHosts}`,
    '-o', 'GlobalKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-o', 'IdentitiesOnly=yes',
    '-i', ctx.clientKey, '-l', 'root', '-p', String(ctx.port),
  ];
}

// xargs exits 0 only if every ssh did.
export const xargsOk = (run) => ({ ok: run.code === 0, hosts: run.code === 0 ? run.n : 0, detail: `xargs exit ${run.code}` });

function baselineOk(run) {
  const m = /hosts=(\d+) reports=(\d+) distinct=(\d+) connectFailed=(\d+)/.exec(run.stdout);
  if (!m) return { ok: false, hosts: 0, detail: `no summary line (exit ${run.code}): ${run.stderr.trim().split('\n').pop() ?? ''}` };
  const distinct = Number(m[3]);
  return { ok: distinct === run.n, hosts: distinct, detail: m[0] };
}

export function fleetScanOk(run) {
  const file = readdirSync(run.outDir).find((f) => f.endsWith('.json') && !f.endsWith('.journal.jsonl'));
  if (!file) return { ok: false, hosts: 0, detail: `no run JSON (exit ${run.code}): ${run.stderr.trim().split('\n').pop() ?? ''}` };
  const record = JSON.parse(readFileSync(path.join(run.outDir, file), 'utf8'));
  const hosts = record.hosts.filter((h) => h.status === 'ok').length;
  const xlsx = readdirSync(run.outDir).some((f) => f.endsWith('.xlsx'));
  const bad = record.hosts.filter((h) => h.status !== 'ok').map((h) => `${h.name}: ${h.status} ${h.reason ?? ''}`);
  return { ok: hosts === run.n && xlsx, hosts, detail: bad.length ? bad.slice(0, 3).join('; ') : `exit ${run.code}, workbook ${xlsx}` };
}

const PWSH_ENV = { TERM: 'dumb', NO_COLOR: '1', POWERSHELL_TELEMETRY_OPTOUT: '1', POWERSHELL_UPDATECHECK: 'Off' };

function baseline(method) {
  return (n, ctx, outDir) => ({
    file: PWSH,
    args: [
      '-NoProfile', '-NonInteractive', '-File', path.join(REPO, 'bench', 'baseline-pwsh.ps1'), '-Method', method,
      '-HostsFile', ctx.hostsFile(n), '-Port', String(ctx.port), '-KeyFile', ctx.clientKey, '-KnownHosts', ctx.knownHosts,
      '-BundleFile', ctx.bundleFile, '-Payload', ctx.payload, '-Throttle', String(ctx.concurrency),
      '-ConnectMs', String(ctx.connectMs), '-OutFile', path.join(outDir, 'reports.json'),
    ],
    env: PWSH_ENV,
  });
}

function fleetScan(transport) {
  return (n, ctx, outDir) => ({
    file: process.execPath,
    args: [
      path.join(REPO, 'bin', 'fleet-scan.js'), 'scan', '-i', ctx.inventory(transport, n), '--no-history', '-o', outDir,
      '--concurrency', String(ctx.concurrency), '-q', '--connect-timeout', `${Math.round(ctx.connectMs / 1000)}s`,
      // Bounds generous enough that a loaded 2-core box never turns a slow host into a timeout.
      '--deadline', `${ctx.deadlineS}s`,
    ],
    env: {},
  });
}

/** Every contender; `group` says what it is compared as. */
export const CONTENDERS = [
  {
    id: 'floor-ssh', group: 'floor', label: 'floor: `ssh host true`',
    command: (n, ctx) => ({ file: 'xargs', args: ['-a', ctx.hostsFile(n), '-P', String(ctx.concurrency), '-I{}', 'ssh', ...sshArgs(ctx), '{}', 'true'], env: {} }),
    verify: xargsOk,
  },
  {
    id: 'floor-pwsh', group: 'floor', label: 'floor: `ssh host powershell -NoProfile -c 1`',
    command: (n, ctx) => ({
      file: 'xargs',
      args: ['-a', ctx.hostsFile(n), '-P', String(ctx.concurrency), '-I{}', 'ssh', ...sshArgs(ctx), '{}', ctx.powershell, '-NoProfile', '-c', '1'],
      env: {},
    }),
    verify: xargsOk,
  },
  { id: 'baseline-session', group: 'baseline', label: 'hand-rolled: New-PSSession + Invoke-Command -Session -ThrottleLimit', command: baseline('Session'), verify: baselineOk },
  { id: 'baseline-parallel', group: 'baseline', label: 'hand-rolled: ForEach-Object -Parallel { Invoke-Command -HostName }', command: baseline('Parallel'), verify: baselineOk },
  { id: 'fleet-scan-ssh', group: 'fleet-scan', label: 'fleet-scan, `ssh` transport (PS remoting)', command: fleetScan('ssh'), verify: fleetScanOk },
  { id: 'fleet-scan-ssh-exec', group: 'fleet-scan', label: 'fleet-scan, `ssh-exec` transport', command: fleetScan('ssh-exec'), verify: fleetScanOk },
];
