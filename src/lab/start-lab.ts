import { copyFileSync, mkdirSync, appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { onProcessExit } from './exit-cleanup.js';
import { ensureKeyPair, knownHostsLine, publicKeyOf } from './keys.js';
import { killLabNow, LAB_MARKER, stopLabProcesses } from './kill-lab.js';
import { LabError } from './lab-error.js';
import { isOurListener, readLabPids, removeLabPids, writeLabPids } from './lab-pids.js';
import { findPwsh } from './pwsh-location.js';
import { renderSshdConfig } from './sshd-config.js';
import { spawnSshd, validateSshdConfig, type SshdProcess } from './sshd-process.js';
import { tryConnect, waitListening } from './wait-listening.js';
import { writeLabWrappers } from './wrappers.js';
import { spawnFakeWinrm } from './fake-winrm/fake-winrm-process.js';
import {
  fakeWinrmEnv, LAB_PASSWORD_ENV, LAB_WINRM_USER, prepareWinrmHosts, WINRM_HTTP_PORT, WINRM_HTTPS_PORT, type WinrmHostSpec, type WinrmLab,
} from './fake-winrm/lab-hosts.js';

/** `pwsh`: the powershell subsystem; `none`: no Subsystem line; `missing-path`: it names a missing file. */
export type SubsystemMode = 'pwsh' | 'none' | 'missing-path';

/** One host to start. The two trust switches exist for the failure fixtures. */
export interface LabHostSpec {
  name: string;
  address: string;
  subsystem?: SubsystemMode;
  /** A staged-state file: copied to `<host dir>/state.json` and named by FLEET_SCAN_STAGED_STATE. */
  state?: string;
  /** false: the host's authorized_keys holds another key, so the client key is refused. */
  authorizeClient?: boolean;
  /** false: known_hosts holds another key for this host, so host key verification fails. */
  trustHostKey?: boolean;
  /** A WinRM host instead of an sshd one: served by the lab's fake-winrm on 5985 and 5986. */
  winrm?: WinrmHostSpec;
}

export interface LabHost {
  name: string;
  address: string;
  port: number;
  /** The host's own directory: host key, sshd_config, pid file, log, state.json. */
  dir: string;
  /** PID of the host's sshd listener. */
  pid: number;
  config: string;
  log: string;
  /** `<host dir>/state.json` when the host is dressed with a state. */
  stateFile?: string;
  /** A WinRM host: `pid`, `config` and `log` are then fake-winrm's, `port` the listener the inventory names. */
  winrm?: WinrmLab['hosts'][number]['spec'] & { certFile: string; thumbprint: string };
}

export interface Lab {
  dir: string;
  port: number;
  hosts: LabHost[];
  clientKey: string;
  knownHosts: string;
  /** The `powershell.exe` stand-in (pwsh) to use as the ssh-exec shell. */
  powershell: string;
  /** Set when the lab has WinRM hosts: how to trust and log on to them. */
  winrm?: { caFile: string; passwordFile: string; user: string; credentialEnv: string };
  /** Kills every session process group, then the listeners, and waits until all are gone. */
  stop(): Promise<void>;
}

export interface StartLabOptions {
  dir: string;
  port?: number;
  hosts: LabHostSpec[];
  /** Reuse another lab's client key and append to its known_hosts (for mixed fleets). */
  client?: { clientKey: string; knownHosts: string };
  /** Keep running after this process exits (`lab up`); otherwise an exit or signal stops the lab. */
  detach?: boolean;
  startTimeoutMs?: number;
  /** fake-winrm's compiled main.js (tests run the sources; the default is the build beside this module). */
  fakeWinrmEntry?: string;
}

interface Prepared {
  spec: LabHostSpec;
  host: Omit<LabHost, 'pid'>;
  hostKey: string;
}

async function prepareHost(
  dir: string, port: number, spec: LabHostSpec, subsystems: Record<SubsystemMode, string | null>,
  clientPub: string, strangerPub: () => string,
): Promise<Prepared> {
  const hostDir = path.join(dir, 'hosts', spec.name);
  mkdirSync(hostDir, { recursive: true, mode: 0o700 });
  const hostKey = path.join(hostDir, 'hostkey');
  await ensureKeyPair(hostKey, `fleet-scan-lab ${spec.name}`);
  const authorized = path.join(hostDir, 'authorized_keys');
  writeFileSync(authorized, `${spec.authorizeClient === false ? strangerPub() : clientPub}\n`, { mode: 0o600 });
  const setEnv: Record<string, string> = { SHLVL: '1', [LAB_MARKER]: dir };
  let stateFile: string | undefined;
  if (spec.state !== undefined) {
    stateFile = path.join(hostDir, 'state.json');
    copyFileSync(spec.state, stateFile);
    setEnv.FLEET_SCAN_STAGED_STATE = stateFile;
  }
  const config = path.join(hostDir, 'sshd_config');
  // SHLVL=1: bash then starts at level 2 and skips root's ~/.bashrc, which is slow and could print
  // into the PowerShell remoting stream.
  writeFileSync(config, renderSshdConfig({
    address: spec.address, port, hostKey, pidFile: path.join(hostDir, 'sshd.pid'),
    authorizedKeysFile: authorized, subsystem: subsystems[spec.subsystem ?? 'pwsh'], setEnv,
  }));
  const valid = await validateSshdConfig(config);
  if (!valid.ok) throw new LabError(valid.message);
  const host = { name: spec.name, address: spec.address, port, dir: hostDir, config, log: path.join(hostDir, 'sshd.log') };
  return { spec, host: stateFile ? { ...host, stateFile } : host, hostKey };
}

function checkSpecs(dir: string, hosts: LabHostSpec[]): void {
  if (/\s/.test(dir)) throw new LabError(`lab dir must not contain spaces (sshd_config paths): ${dir}`);
  const seen = new Set<string>();
  for (const h of hosts) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(h.name)) throw new LabError(`bad lab host name: ${h.name}`);
    if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h.address)) throw new LabError(`lab hosts live on 127.x.y.z, not ${h.address}`);
    for (const key of [`name ${h.name}`, `address ${h.address}`]) {
      if (seen.has(key)) throw new LabError(`duplicate lab host ${key}`);
      seen.add(key);
    }
  }
}

/**
 * Starts one sshd per host spec and one fake-winrm for all WinRM host specs, all in parallel, and waits
 * until each host accepts TCP.
 */
export async function startLab(options: StartLabOptions): Promise<Lab> {
  const dir = path.resolve(options.dir);
  const port = options.port ?? 2222;
  checkSpecs(dir, options.hosts);
  mkdirSync(dir, { recursive: true });
  const running = readLabPids(dir)?.listeners.filter((l) => isOurListener(l.pid, l.config)) ?? [];
  if (running.length > 0) throw new LabError(`a lab is already running in ${dir}; stop it first (fleet-scan lab down)`);

  // Another process on an address would answer for our host: say so rather than start a lab that lies.
  const endpoints = options.hosts.flatMap((h) => (h.winrm ? [WINRM_HTTP_PORT, WINRM_HTTPS_PORT] : [port]).map((p): [string, number] => [h.address, p]));
  const taken = (await Promise.all(endpoints.map(async ([a, p]) => ((await tryConnect(a, p)) ? `${a}:${p}` : undefined)))).filter(Boolean);
  if (taken.length > 0) throw new LabError(`${taken[0]} is already in use (another lab? try --base or lab down)${taken.length > 1 ? ` (and ${taken.length - 1} more addresses)` : ''}`);

  const pwsh = findPwsh();
  if (!pwsh.ok) throw new LabError(pwsh.message);
  const wrappers = writeLabWrappers(dir, pwsh.value);
  const subsystems: Record<SubsystemMode, string | null> = { pwsh: wrappers.subsystem, none: null, 'missing-path': wrappers.missing };

  const clientDir = path.join(dir, 'client');
  mkdirSync(clientDir, { recursive: true, mode: 0o700 });
  const clientKey = options.client?.clientKey ?? path.join(clientDir, 'id_ed25519');
  const knownHosts = options.client?.knownHosts ?? path.join(clientDir, 'known_hosts');
  if (!options.client) await ensureKeyPair(clientKey, 'fleet-scan-lab client');
  // "Another key": used as the refused client key and as the wrong host key.
  const stranger = path.join(clientDir, 'stranger_ed25519');
  if (options.hosts.some((h) => h.authorizeClient === false || h.trustHostKey === false)) {
    await ensureKeyPair(stranger, 'fleet-scan-lab stranger');
  }

  const clientPub = publicKeyOf(clientKey);
  const prepared = await Promise.all(options.hosts.filter((h) => !h.winrm).map((spec) =>
    prepareHost(dir, port, spec, subsystems, clientPub, () => publicKeyOf(stranger))));
  const winrmSpecs = options.hosts.flatMap((h) => (h.winrm ? [{ ...h, winrm: h.winrm }] : []));
  const winrm = winrmSpecs.length > 0
    ? await prepareWinrmHosts(dir, winrmSpecs, pwsh.value, { [LAB_MARKER]: dir }).catch((e: Error) => {
      throw new LabError(`WinRM hosts: ${e.message}`);
    })
    : undefined;

  const known = prepared.map((p) =>
    knownHostsLine(p.host.address, port, publicKeyOf(p.spec.trustHostKey === false ? stranger : p.hostKey)));
  if (options.client) appendFileSync(knownHosts, `${known.join('\n')}\n`);
  else writeFileSync(knownHosts, `${known.join('\n')}\n`, { mode: 0o600 });

  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin' };
  const started: LabHost[] = [];
  // Each daemon with the addresses it must answer on: one sshd per host, one fake-winrm for all WinRM hosts.
  const daemons: { name: string; pid: number; gone: SshdProcess['gone']; endpoints: [string, number][] }[] = [];
  let failure: string | undefined;
  for (const p of prepared) {
    const sshd = spawnSshd(p.host.config, p.host.log, env);
    if (!sshd.ok) {
      failure = sshd.message;
      break;
    }
    daemons.push({ name: p.host.name, pid: sshd.value.pid, gone: sshd.value.gone, endpoints: [[p.host.address, port]] });
    started.push({ ...p.host, pid: sshd.value.pid });
  }
  if (winrm && failure === undefined) {
    const fake = spawnFakeWinrm(winrm.configFile, winrm.log, fakeWinrmEnv(dir, LAB_MARKER), options.fakeWinrmEntry);
    if (!fake.ok) failure = fake.message;
    else {
      const endpoints = winrm.hosts.flatMap((h): [string, number][] => [[h.address, WINRM_HTTP_PORT], [h.address, WINRM_HTTPS_PORT]]);
      daemons.push({ name: 'fake-winrm', pid: fake.value.pid, gone: fake.value.gone, endpoints });
      for (const h of winrm.hosts) {
        started.push({
          name: h.name, address: h.address, port: h.spec.useSsl ? WINRM_HTTPS_PORT : WINRM_HTTP_PORT, dir: h.dir, pid: fake.value.pid,
          config: winrm.configFile, log: winrm.log, ...(h.stateFile ? { stateFile: h.stateFile } : {}),
          winrm: { ...h.spec, certFile: h.certFile, thumbprint: h.thumbprint },
        });
      }
    }
  }
  // Hosts in the order asked for, whatever started them.
  const hosts = options.hosts.flatMap((spec) => started.filter((h) => h.name === spec.name));
  // Recorded before waiting, so even a half-started lab can be stopped from elsewhere; WinRM hosts are
  // listed one by one, each with fake-winrm's pid.
  writeLabPids({ dir, listeners: hosts.map((h) => ({ name: h.name, pid: h.pid, config: h.config })) });
  const listeners = daemons.map((d) => d.pid);
  const forget = options.detach ? () => {} : onProcessExit(() => {
    killLabNow({ dir, listeners });
    removeLabPids(dir);
  });
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      forget();
      const result = await stopLabProcesses({ dir, listeners });
      removeLabPids(dir);
      if (!result.ok) throw new LabError(`lab ${dir}: processes still alive after stop: ${result.left.join(' ')}`);
    })();
    return stopped;
  };

  if (failure === undefined) {
    const timeoutMs = options.startTimeoutMs ?? 15_000;
    const waits = await Promise.all(daemons.flatMap((d) => d.endpoints.map(async ([address, p]) => {
      const w = await waitListening(address, p, timeoutMs, d.gone);
      return w.ok ? undefined : `${d.name}: ${w.message}`;
    })));
    failure = waits.find(Boolean);
  }
  if (failure !== undefined) {
    await stop();
    throw new LabError(failure);
  }
  return {
    dir, port, hosts, clientKey, knownHosts, powershell: wrappers.powershell, stop,
    ...(winrm ? { winrm: { caFile: winrm.caFile, passwordFile: winrm.passwordFile, user: LAB_WINRM_USER, credentialEnv: LAB_PASSWORD_ENV } } : {}),
  };
}
