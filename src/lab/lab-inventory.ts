import path from 'node:path';
import type { StateInventory } from './lab-state.js';

export type LabTransport = 'ssh' | 'ssh-exec';

export interface LabInventoryHost {
  name: string;
  address: string;
  inventory?: StateInventory;
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

/** The inventory document (the format src/inventory reads) that lists every lab host. */
export function buildLabInventory(o: LabInventoryOptions): Record<string, unknown> {
  const schema = path.relative(path.dirname(o.file), o.schemaFile).split(path.sep).join('/');
  return {
    $schema: schema,
    name: 'lab',
    defaults: {
      transport: o.transport,
      user: 'root',
      port: o.port,
      keyFile: path.resolve(o.clientKey),
      knownHostsFile: path.resolve(o.knownHosts),
      shell: path.resolve(o.shell),
      connectTimeout: '10s',
      cloud: 'public',
      tags: ['lab'],
      // The hosts' Windows state is staged: their bundle carries the staged probe library.
      lab: true,
    },
    hosts: o.hosts.map((h) => ({
      name: h.name,
      address: h.address,
      ...(h.inventory?.cloud !== undefined ? { cloud: h.inventory.cloud } : {}),
      ...(h.inventory?.tags !== undefined ? { tags: h.inventory.tags } : {}),
      ...(h.inventory?.vars !== undefined ? { vars: h.inventory.vars } : {}),
    })),
  };
}
