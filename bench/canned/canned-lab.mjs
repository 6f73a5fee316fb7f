// The controller benchmark's targets: thousands of lab hosts that cost the controller what a real host
// costs it and cost almost nothing themselves (bench/controller-bench.mjs).
//
// - ssh and ssh-exec: sshd processes on 127.2.x.y:2222 (by default), each listening on 16 addresses (OpenSSH's
//   limit of listen sockets per daemon); hosts share addresses round-robin. The ssh-exec `shell` is
//   bench/canned/canned-powershell.pl, which replies at once with a captured healthy report; the
//   `powershell` subsystem is the lab's real pwsh (PowerShell remoting needs a real PSRP peer).
// - winrm: one fake-winrm serving every host on its own 127.3.x.y:5985 (by default) (HTTP, NTLM with sealing), its
//   `powershell.exe` mapped to the same canned script instead of pwsh (fake-winrm runs `pwsh.dotnet`
//   with `pwsh.dll` first: here perl and the script).
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureKeyPair, knownHostsLine, publicKeyOf } from '../../dist/lab/keys.js';
import { findPwsh } from '../../dist/lab/pwsh-location.js';
import { spawnSshd } from '../../dist/lab/sshd-process.js';
import { tryConnect } from '../../dist/lab/wait-listening.js';
import { writeLabWrappers } from '../../dist/lab/wrappers.js';
import { spawnFakeWinrm } from '../../dist/lab/fake-winrm/fake-winrm-process.js';

export const CANNED_SCRIPT = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'canned-powershell.pl');
const PORT = 2222;
const PER_SSHD = 16;
export const CANNED_PASSWORD_ENV = 'FLEET_BENCH_WINRM_PASSWORD';

/** The n-th address of a /16 on 127.<second>: 127.<second>.<n / 250>.<n % 250 + 2>. */
const address = (second, n) => `127.${second}.${Math.floor(n / 250)}.${(n % 250) + 2}`;

function sshdConfig({ addresses, hostKey, pidFile, authorized, subsystem, canned }) {
  return [
    ...addresses.map((a) => `ListenAddress ${a}:${PORT}`),
    `HostKey ${hostKey}`, `PidFile ${pidFile}`, `AuthorizedKeysFile ${authorized}`,
    'StrictModes no', 'PermitRootLogin prohibit-password', 'PubkeyAuthentication yes', 'PasswordAuthentication no',
    'KbdInteractiveAuthentication no', 'UsePAM no', 'UseDNS no', 'PrintMotd no', 'PrintLastLog no', 'X11Forwarding no',
    // Hundreds of connections at once per daemon: never throttle the fan-out being measured.
    'MaxStartups 2000:30:4000', 'MaxSessions 100', 'LoginGraceTime 120', 'LogLevel ERROR',
    `SetEnv SHLVL=1 FLEET_BENCH_CANNED=${canned}`,
    `Subsystem powershell ${subsystem}`,
  ].join('\n') + '\n';
}

async function waitUp(endpoints, deadlineMs = 120_000) {
  const until = Date.now() + deadlineMs;
  for (const [a, p] of endpoints) {
    while (!(await tryConnect(a, p))) {
      if (Date.now() > until) throw new Error(`canned lab: ${a}:${p} never listened`);
      await sleep(100);
    }
  }
}

/**
 * Starts `sshHosts` ssh hosts on 127.<octet>.x.y and `winrmHosts` WinRM hosts on 127.<octet + 1>.x.y
 * (either may be 0). `canned` is the capture file the canned script answers from. Returns the inventory
 * hosts and how to reach them.
 */
export async function startCannedLab({ dir, sshHosts, winrmHosts, canned, octet = 2 }) {
  mkdirSync(dir, { recursive: true });
  const pids = [];
  const stop = async () => {
    for (const pid of pids.splice(0)) {
      try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
    }
    await sleep(200);
  };
  process.once('exit', () => { for (const pid of pids) { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } } });
  const lab = { dir, port: PORT, ssh: [], winrm: [], clientKey: path.join(dir, 'client_ed25519'), knownHosts: path.join(dir, 'known_hosts'), stop, pids };
  try {
    if (sshHosts > 0) {
      const pwsh = findPwsh();
      if (!pwsh.ok) throw new Error(pwsh.message);
      const wrappers = writeLabWrappers(dir, pwsh.value);
      const hostKey = path.join(dir, 'host_ed25519');
      await Promise.all([ensureKeyPair(hostKey, 'fleet-bench canned host'), ensureKeyPair(lab.clientKey, 'fleet-bench client')]);
      const authorized = path.join(dir, 'authorized_keys');
      writeFileSync(authorized, `${publicKeyOf(lab.clientKey)}\n`, { mode: 0o600 });
      const daemons = Math.max(1, Math.min(32, Math.ceil(sshHosts / PER_SSHD)));
      const addresses = Array.from({ length: Math.min(sshHosts, daemons * PER_SSHD) }, (_, i) => address(octet, i));
      writeFileSync(lab.knownHosts, `${addresses.map((a) => knownHostsLine(a, PORT, publicKeyOf(hostKey))).join('\n')}\n`, { mode: 0o600 });
      for (let d = 0; d < daemons; d++) {
        const mine = addresses.slice(d * PER_SSHD, (d + 1) * PER_SSHD);
        if (mine.length === 0) break;
        const config = path.join(dir, `sshd-${d}.conf`);
        writeFileSync(config, sshdConfig({ addresses: mine, hostKey, pidFile: path.join(dir, `sshd-${d}.pid`), authorized, subsystem: wrappers.subsystem, canned }));
        const sshd = spawnSshd(config, path.join(dir, `sshd-${d}.log`), { PATH: process.env.PATH ?? '/usr/bin:/bin' });
        if (!sshd.ok) throw new Error(sshd.message);
        pids.push(sshd.value.pid);
      }
      lab.ssh = Array.from({ length: sshHosts }, (_, i) => ({ name: `c${String(i + 1).padStart(5, '0')}`, address: addresses[i % addresses.length] }));
      await waitUp(addresses.map((a) => [a, PORT]));
    }
    if (winrmHosts > 0) {
      const password = randomBytes(12).toString('base64url');
      lab.password = password;
      const hosts = Array.from({ length: winrmHosts }, (_, i) => ({ name: `w${String(i + 1).padStart(5, '0')}`, address: address(octet + 1, i) }));
      const config = {
        pwsh: { dotnet: '/usr/bin/perl', dll: CANNED_SCRIPT },
        env: { FLEET_BENCH_CANNED: canned },
        hosts: hosts.map((h) => ({
          name: h.name.toUpperCase(), address: h.address, listeners: [{ port: 5985 }],
          account: { user: 'benchadmin', password }, maxShellsPerUser: 30, dir,
        })),
      };
      const file = path.join(dir, 'fake-winrm.json');
      writeFileSync(file, JSON.stringify(config), { mode: 0o600 });
      const fake = spawnFakeWinrm(file, path.join(dir, 'fake-winrm.log'), { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root' });
      if (!fake.ok) throw new Error(fake.message);
      pids.push(fake.value.pid);
      lab.winrm = hosts;
      await waitUp(hosts.map((h) => [h.address, 5985]));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return lab;
}

/** The inventory of the first `n` hosts of one transport; real hosts (no `lab`), so they get the real bundle. */
export function cannedInventory(lab, transport, n, vars) {
  const winrm = transport === 'winrm';
  const hosts = (winrm ? lab.winrm : lab.ssh).slice(0, n);
  if (hosts.length < n) throw new Error(`canned lab has ${hosts.length} ${transport} hosts, not ${n}`);
  return {
    name: `canned-${transport}-${n}`,
    defaults: {
      transport,
      ...(winrm
        ? { port: 5985, useSsl: false, auth: 'ntlm', user: 'benchadmin', credentialEnv: CANNED_PASSWORD_ENV }
        : { user: 'root', port: PORT, keyFile: lab.clientKey, knownHostsFile: lab.knownHosts, shell: CANNED_SCRIPT }),
      connectTimeout: '120s', cloud: 'public', tags: ['bench'], vars,
    },
    // Fifty hosts to a vault, as an estate registers them (the pack warns above 50 machines in one vault):
    // one vault of thousands is no estate, and it would make the fleet checks' one partition the whole fleet.
    hosts: hosts.map((h, i) => ({ name: h.name, address: h.address, vars: { vaultName: `${vars.vaultName ?? 'rsv'}-${String(Math.floor(i / 50)).padStart(4, '0')}` } })),
  };
}
