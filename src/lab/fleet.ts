import path from 'node:path';
import { stopLabProcesses } from './kill-lab.js';
import { LabError } from './lab-error.js';
import { isOurListener, readLabPids, removeLabPids } from './lab-pids.js';
import { startLab, type Lab, type SubsystemMode } from './start-lab.js';
import type { WinrmHostSpec } from './fake-winrm/lab-hosts.js';

export type { Lab, LabHost, SubsystemMode } from './start-lab.js';

export interface StartFleetOptions {
  dir: string;
  /** First three octets, e.g. `127.0.1`: hosts are `127.0.1.2` ... `127.0.1.(count+1)`. */
  base: string;
  count: number;
  port?: number;
  /** State files, one per host: matched by position, cycled when there are fewer than hosts. */
  states?: string[];
  subsystem?: SubsystemMode;
  /** Host names by position; the default is lab01, lab02, ... */
  names?: string[];
  /** Keep running after this process exits (`lab up`). */
  detach?: boolean;
  /** By position: hosts given a spec here are WinRM hosts (fake-winrm), the others sshd hosts. */
  winrm?: (WinrmHostSpec | undefined)[];
  /** fake-winrm's compiled main.js, for tests that run the sources. */
  fakeWinrmEntry?: string;
}

/** The address of host `index` (0-based) of a fleet on `base`. */
export function fleetAddress(base: string, index: number): string {
  return `${base}.${index + 2}`;
}

/** Starts `count` lab hosts on consecutive loopback addresses, each with its own sshd. */
export function startFleet(options: StartFleetOptions): Promise<Lab> {
  const { base, count, states, names } = options;
  if (!/^127\.\d{1,3}\.\d{1,3}$/.test(base)) return Promise.reject(new LabError(`base must be like 127.0.1, not ${base}`));
  if (!Number.isInteger(count) || count < 1 || count > 253) {
    return Promise.reject(new LabError(`a fleet has 1 to 253 hosts, not ${count}`));
  }
  if (states?.length === 0) return Promise.reject(new LabError('states is empty'));
  const hosts = Array.from({ length: count }, (_, i) => ({
    name: names?.[i] ?? `lab${String(i + 1).padStart(2, '0')}`,
    address: fleetAddress(base, i),
    subsystem: options.subsystem ?? 'pwsh',
    ...(states ? { state: states[i % states.length]! } : {}),
    ...(options.winrm?.[i] ? { winrm: options.winrm[i] } : {}),
  }));
  return startLab({
    dir: options.dir, port: options.port, hosts, detach: options.detach,
    ...(options.fakeWinrmEntry ? { fakeWinrmEntry: options.fakeWinrmEntry } : {}),
  });
}

export type StopResult = { ok: true; stopped: number } | { ok: false; message: string };

/**
 * Stops the lab recorded in `<dir>/pids`, from any process (`fleet-scan lab down`). Also catches
 * sessions whose listener is already gone, by the lab marker in their environment.
 */
export async function stopFleetDir(dir: string): Promise<StopResult> {
  const abs = path.resolve(dir);
  const listeners = (readLabPids(abs)?.listeners ?? []).filter((l) => isOurListener(l.pid, l.config));
  const result = await stopLabProcesses({ dir: abs, listeners: listeners.map((l) => l.pid) });
  removeLabPids(abs);
  if (!result.ok) return { ok: false, message: `lab ${abs}: processes still alive after stop: ${result.left.join(' ')}` };
  return { ok: true, stopped: listeners.length };
}
