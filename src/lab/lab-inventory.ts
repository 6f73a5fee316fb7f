import path from 'node:path';
import type { StateInventory } from './lab-state.js';

export type LabTransport = 'ssh' | 'ssh-exec' | 'winrm';

/** How the inventory reaches a WinRM lab host; the password stays in a file, named by credentialEnv. */
export interface LabWinrmAccess {
  port: number;
  useSsl: boolean;
  auth: 'ntlm' | 'basic';
  user: string;
  credentialEnv: string;
  /** The lab CA, for HTTPS hosts. */
  caFile?: string;
  /** The listener certificate's SHA-1 thumbprint, for hosts pinned by it. */
  certThumbprint?: string;
}

export interface LabInventoryHost {
  name: string;
  address: string;
  inventory?: StateInventory;
  winrm?: LabWinrmAccess;
}

export interface LabInventoryOptions {
  /** Where inventory.json is written: `$schema` is made relative to it. */
  file: string;
  schemaFile: string;
  transport: LabTransport;
  port: number;
  clientKey: string;
  knownHosts: string;
  /** The lab's `powershell` wrapper, the ssh-exec shell. */
  shell: string;
  hosts: LabInventoryHost[];
}

/**
 * The inventory document (the format src/inventory reads) that lists every lab host. The defaults carry
 * the ssh settings when the lab has sshd hosts; each WinRM host carries its own listener and logon.
 */
export function buildLabInventory(o: LabInventoryOptions): Record<string, unknown> {
  const schema = path.relative(path.dirname(o.file), o.schemaFile).split(path.sep).join('/');
  const ssh = o.hosts.length === 0 || o.hosts.some((h) => !h.winrm);
  return {
    $schema: schema,
    name: 'lab',
    defaults: {
      transport: o.transport,
      ...(ssh ? {
        user: 'root', port: o.port, keyFile: path.resolve(o.clientKey), knownHostsFile: path.resolve(o.knownHosts), shell: path.resolve(o.shell),
      } : {}),
      connectTimeout: '10s',
      cloud: 'public',
      tags: ['lab'],
      // The hosts' Windows state is staged: their bundle carries the staged probe library.
      lab: true,
    },
    hosts: o.hosts.map((h) => ({
      name: h.name,
      address: h.address,
      ...(h.winrm ? { transport: 'winrm', ...h.winrm } : {}),
      ...(h.inventory?.cloud !== undefined ? { cloud: h.inventory.cloud } : {}),
      ...(h.inventory?.tags !== undefined ? { tags: h.inventory.tags } : {}),
      ...(h.inventory?.vars !== undefined ? { vars: h.inventory.vars } : {}),
    })),
  };
}
