import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fleetAddress, startFleet, stopFleetDir, type StopResult } from './fleet.js';
import { buildLabInventory, type LabTransport } from './lab-inventory.js';
import type { WinrmHostSpec } from './fake-winrm/lab-hosts.js';
import { listStateFiles, planLabHosts, type PlannedHost } from './lab-state.js';
import { PACKAGE_ROOT } from '../checks/package-root.js';

/** The state files shipped with fleet-scan. */
const SHIPPED_STATES_DIR = path.join(PACKAGE_ROOT, 'lab', 'states');

export interface LabUpOptions {
  dir?: string;
  /** Number of hosts; default: one per state file. */
  hosts?: number;
  statesDir?: string;
  /** First three octets of the host addresses. */
  base?: string;
  port?: number;
  /** `winrm`: every host is a fake-winrm host; otherwise sshd hosts, but for those `winrm` names. */
  transport?: LabTransport;
  /**
   * By host position: WinRM hosts and how each listens, logs on or misbehaves (a mixed fleet when the
   * transport is ssh or ssh-exec). With transport winrm, hosts without an entry get HTTPS and NTLM.
   */
  winrm?: (WinrmHostSpec | undefined)[];
  /** fake-winrm's compiled main.js, for tests that run the sources. */
  fakeWinrmEntry?: string;
}

export interface LabUpHost {
  name: string;
  address: string;
  state?: string;
  transport: LabTransport;
  port: number;
}

export type LabUpResult =
  | {
    ok: true; dir: string; inventory: string; hosts: LabUpHost[];
    /** Set when the lab has WinRM hosts: the password's file and the variable the inventory names. */
    winrm?: { passwordFile: string; credentialEnv: string; caFile: string };
  }
  | { ok: false; message: string };

/**
 * `fleet-scan lab up`: starts a detached lab fleet dressed from state files and writes
 * `<dir>/inventory.json` listing every host. The fleet keeps running until `labDown`.
 */
export async function labUp(options: LabUpOptions = {}): Promise<LabUpResult> {
  const dir = path.resolve(options.dir ?? '.lab');
  const statesDir = options.statesDir ?? SHIPPED_STATES_DIR;
  const port = options.port ?? 2222;
  const base = options.base ?? '127.0.0';
  const files = listStateFiles(statesDir);
  let planned: { name: string; state?: string; inventory?: PlannedHost['inventory'] }[];
  if (files.length > 0) {
    const plan = planLabHosts(files, options.hosts ?? files.length);
    if (!plan.ok) return plan;
    planned = plan.value;
  } else if (options.hosts !== undefined) {
    // No states: undressed hosts, which answer like the machine the lab runs on.
    planned = Array.from({ length: options.hosts }, (_, i) => ({ name: `lab${String(i + 1).padStart(2, '0')}` }));
  } else {
    return { ok: false, message: `no state files in ${statesDir}; pass --states DIR or --hosts N` };
  }
  if (planned.length === 0) return { ok: false, message: '--hosts must be at least 1' };
  const transport = options.transport ?? 'ssh';
  const winrm = planned.map((_, i) => options.winrm?.[i] ?? (transport === 'winrm' ? {} : undefined));

  let lab;
  try {
    const states = planned.flatMap((h) => (h.state ? [h.state] : []));
    lab = await startFleet({
      dir, base, port, count: planned.length, names: planned.map((h) => h.name), detach: true, winrm,
      ...(states.length === planned.length ? { states } : {}),
      ...(options.fakeWinrmEntry ? { fakeWinrmEntry: options.fakeWinrmEntry } : {}),
    });
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
  const inventory = path.join(dir, 'inventory.json');
  const access = lab.winrm;
  const doc = buildLabInventory({
    file: inventory, schemaFile: path.join(PACKAGE_ROOT, 'inventory.schema.json'),
    transport, port, clientKey: lab.clientKey, knownHosts: lab.knownHosts, shell: lab.powershell,
    hosts: planned.map((h, i) => {
      const w = lab.hosts[i]?.winrm;
      return {
        name: h.name, address: fleetAddress(base, i), ...(h.inventory ? { inventory: h.inventory } : {}),
        ...(w && access ? {
          winrm: {
            port: lab.hosts[i]!.port, useSsl: w.useSsl, auth: w.auth, user: access.user, credentialEnv: access.credentialEnv,
            ...(w.useSsl ? { caFile: access.caFile } : {}), ...(w.useSsl && w.pin ? { certThumbprint: w.thumbprint } : {}),
          },
        } : {}),
      };
    }),
  });
  writeFileSync(inventory, `${JSON.stringify(doc, null, 2)}\n`);
  return {
    ok: true, dir, inventory,
    hosts: lab.hosts.map((h) => ({
      name: h.name, address: h.address, transport: h.winrm ? 'winrm' : transport, port: h.port, ...(h.stateFile ? { state: h.stateFile } : {}),
    })),
    ...(access ? { winrm: { passwordFile: access.passwordFile, credentialEnv: access.credentialEnv, caFile: access.caFile } } : {}),
  };
}

/** `fleet-scan lab down`: stops the lab in `dir`, sessions first. */
export function labDown(options: { dir?: string } = {}): Promise<StopResult> {
  return stopFleetDir(path.resolve(options.dir ?? '.lab'));
}
