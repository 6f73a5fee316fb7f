import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fleetAddress, startFleet, stopFleetDir, type Lab } from '../../src/lab/fleet.js';
import { invokeCommandPs, invokeOnLab, sshExec } from '../helpers/lab-remoting.js';
import { alive, eventually, labProcessesLeft, liveLabProcesses } from '../helpers/lab-processes.js';
import { PWSH } from '../helpers/pwsh.js';
import { compileLab } from '../helpers/compile-lab.js';
import { headerValues, RawConnection } from './fake-winrm/helpers/raw-http.js';

// Each lab in this file has its own 127.0.2x base, so parallel test files never share an address.
const root = mkdtempSync(path.join(tmpdir(), 'fleet-scan-fleet-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Children of `pid` and theirs, by parent PID (written here, apart from src/lab, to judge it). */
function treeOf(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone
    }
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.shift()!;
    for (const [child, parent] of parents) if (parent === p) { out.push(child); queue.push(child); }
  }
  return out;
}

describe('a small lab fleet dressed with states', () => {
  let lab: Lab;
  const dir = path.join(root, 'small');
  const states = ['alpha', 'beta'].map((id) => {
    const file = path.join(root, `${id}.json`);
    writeFileSync(file, JSON.stringify({ id }));
    return file;
  });

  beforeAll(async () => {
    lab = await startFleet({ dir, base: '127.0.21', count: 3, states, names: ['fs01', 'fs02', 'fs03'] });
  });
  afterAll(async () => {
    await lab?.stop();
  });

  test('hosts get consecutive addresses from .2 and the names given', () => {
    expect(lab.hosts.map((h) => [h.name, h.address, h.port])).toEqual([
      ['fs01', '127.0.21.2', 2222], ['fs02', '127.0.21.3', 2222], ['fs03', '127.0.21.4', 2222],
    ]);
  });

  test('known_hosts holds one [address]:port ed25519 line per host, matching its host key', () => {
    const lines = readFileSync(lab.knownHosts, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const [i, h] of lab.hosts.entries()) {
      const pub = readFileSync(path.join(h.dir, 'hostkey.pub'), 'utf8').split(' ').slice(0, 2).join(' ');
      expect(lines[i]).toBe(`[${h.address}]:2222 ${pub}`);
    }
  });

  test('Invoke-Command over SSH reaches every host, and each sees its own copy of its state file', async () => {
    const run = await invokeOnLab(lab, lab.hosts.map((h) => h.address),
      `'{0}|{1}|{2}' -f $env:FLEET_SCAN_STAGED_STATE, (Get-Content -Raw $env:FLEET_SCAN_STAGED_STATE | ConvertFrom-Json).id, $PSVersionTable.PSVersion.Major`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const seen = run.stdout.trim().split('\n').map((l) => l.trim()).sort();
    expect(seen).toEqual([
      `${path.join(dir, 'hosts', 'fs01', 'state.json')}|alpha|7`,
      `${path.join(dir, 'hosts', 'fs02', 'state.json')}|beta|7`,
      `${path.join(dir, 'hosts', 'fs03', 'state.json')}|alpha|7`,
    ]);
  });

  test('plain ssh to the lab powershell wrapper runs a command (the ssh-exec path, pwsh standing in for powershell.exe)', async () => {
    const run = await sshExec(lab, lab.hosts[1]!.address,
      [lab.powershell, '-NoProfile', '-NonInteractive', '-Command', // single quotes: the remote login shell must pass $env:... through to PowerShell
      "'$env:FLEET_SCAN_STAGED_STATE; 6*7'"]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([path.join(dir, 'hosts', 'fs02', 'state.json'), '42']);
  });

  test('the pids file records every listener for stopFleetDir', () => {
    const pids = JSON.parse(readFileSync(path.join(dir, 'pids'), 'utf8')) as { listeners: { pid: number }[] };
    expect(pids.listeners.map((l) => l.pid)).toEqual(lab.hosts.map((h) => h.pid));
  });
});

describe('stopping a lab', () => {
  test('stop() with sessions open leaves no listener, sshd session or remote pwsh of the lab', async () => {
    const dir = path.join(root, 'stop');
    const lab = await startFleet({ dir, base: '127.0.23', count: 2 });
    // Two sessions that would run for ten minutes; the local pwsh is ours to end.
    const client = spawn(PWSH, ['-NoProfile', '-NonInteractive', '-Command',
      invokeCommandPs(lab, lab.hosts.map((h) => h.address), 'Start-Sleep -Seconds 600')],
    { stdio: 'ignore', detached: true });
    try {
      const remoteUp = await eventually(() => liveLabProcesses(dir).filter((p) => p.cmd.includes('-sshs')).length === 2, 30_000);
      expect(remoteUp).toBe(true);
      const before = [...lab.hosts.map((h) => h.pid), ...lab.hosts.flatMap((h) => treeOf(h.pid))];
      expect(before.length).toBeGreaterThan(lab.hosts.length * 2);
      await lab.stop();
      expect(before.filter(alive)).toEqual([]);
      expect(await labProcessesLeft(dir)).toEqual([]);
    } finally {
      try { process.kill(-client.pid!, 'SIGKILL'); } catch { /* already gone */ }
      await lab.stop();
    }
  });

  test('stopFleetDir stops a lab from its pids file alone', async () => {
    const dir = path.join(root, 'by-dir');
    const lab = await startFleet({ dir, base: '127.0.24', count: 2, detach: true });
    try {
      expect(lab.hosts.every((h) => alive(h.pid))).toBe(true);
      const result = await stopFleetDir(dir);
      expect(result).toEqual({ ok: true, stopped: 2 });
      expect(lab.hosts.filter((h) => alive(h.pid))).toEqual([]);
      // sshd re-executes itself (-R) for each accepted connection, our readiness probes included; such a child
      // of a probe that already closed may take a moment to exit after its listener is gone.
      await eventually(() => liveLabProcesses(dir).length === 0, 10_000);
      expect(await labProcessesLeft(dir)).toEqual([]);
    } finally {
      await lab.stop();
    }
  });
});

describe('fleet options', () => {
  test('a host with subsystem missing-path accepts ssh but cannot start PowerShell remoting', async () => {
    const lab = await startFleet({ dir: path.join(root, 'missing'), base: '127.0.25', count: 1, subsystem: 'missing-path' });
    try {
      const shell = await sshExec(lab, lab.hosts[0]!.address, ['echo', 'reachable']);
      expect(shell.stdout.trim()).toBe('reachable');
      const run = await invokeOnLab(lab, [lab.hosts[0]!.address], '1');
      expect(run.stdout.trim()).toBe('');
      expect(run.stderr).toMatch(/SSH transport process has abruptly terminated|PSSessionStateBroken|remote session/i);
    } finally {
      await lab.stop();
    }
  });

  test('a bad base is refused with a one-line message before anything starts', async () => {
    await expect(startFleet({ dir: path.join(root, 'bad'), base: '10.0.0', count: 1 })).rejects.toThrow(/^base must be like 127\.0\.1, not 10\.0\.0$/);
  });

  test('fleetAddress numbers hosts from .2', () => {
    expect([0, 1, 19].map((i) => fleetAddress('127.0.9', i))).toEqual(['127.0.9.2', '127.0.9.3', '127.0.9.21']);
  });
});

describe('a 20-host fleet', () => {
  test('starts 20 sshd hosts that each accept the client key over plain ssh, and stops them all', async () => {
    const dir = path.join(root, 'twenty');
    const lab = await startFleet({ dir, base: '127.0.26', count: 20 });
    try {
      expect(lab.hosts).toHaveLength(20);
      const runs = await Promise.all(lab.hosts.map((h) => sshExec(lab, h.address, ['echo', h.name])));
      expect(runs.map((r) => r.stdout.trim())).toEqual(lab.hosts.map((h) => h.name));
    } finally {
      await lab.stop();
    }
    expect(await labProcessesLeft(dir)).toEqual([]);
  });
});

describe('a mixed fleet: sshd hosts and fake-winrm hosts', () => {
  test('ssh hosts answer ssh, WinRM hosts answer WinRM on 5985 and 5986 with their own certificate, and stop leaves nothing', async () => {
    const dir = path.join(root, 'mixed');
    const entry = path.join(compileLab(path.join(root, 'build'), ['fake-winrm/main.ts']), 'fake-winrm', 'main.js');
    const lab = await startFleet({
      dir, base: '127.0.27', count: 3, names: ['fs01', 'win01', 'win02'], winrm: [undefined, { useSsl: false }, { auth: 'basic', pin: true }], fakeWinrmEntry: entry,
    });
    try {
      expect(lab.hosts.map((h) => [h.name, h.port, h.winrm?.useSsl, h.winrm?.auth])).toEqual([
        ['fs01', 2222, undefined, undefined], ['win01', 5985, false, 'ntlm'], ['win02', 5986, true, 'basic'],
      ]);
      expect((await sshExec(lab, '127.0.27.2', ['echo', 'fs01'])).stdout.trim()).toBe('fs01');
      const ca = readFileSync(lab.winrm!.caFile);
      for (const address of ['127.0.27.3', '127.0.27.4']) {
        for (const conn of [await RawConnection.open(address, 5985), await RawConnection.open(address, 5986, { ca })]) {
          const res = await conn.request([], Buffer.from('<x/>'));
          expect([res.statusLine, headerValues(res, 'Server')]).toEqual(['HTTP/1.1 401 ', ['Microsoft-HTTPAPI/2.0']]);
          conn.close();
        }
      }
      expect(lab.hosts[2]!.winrm!.thumbprint).toMatch(/^[0-9A-F]{40}$/);
    } finally {
      await lab.stop();
    }
    expect(await labProcessesLeft(dir)).toEqual([]);
  }, 180_000);
});
