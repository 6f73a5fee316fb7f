import { labDown, labUp } from '../../lab/index.js';
import { existsSync } from 'node:fs';
import { pathFlag } from '../durations.js';
import { UsageError } from '../usage-error.js';

/** `127.0.1`: the lab's hosts are `<base>.2`, `<base>.3`, ... on the loopback network. */
function isLoopbackBase(base: string): boolean {
  const octets = /^127\.(\d{1,3})\.(\d{1,3})$/.exec(base);
  return octets !== null && octets.slice(1).every((o) => Number(o) <= 255);
}

/**
 * `fleet-scan lab up`: a loopback fleet dressed as Windows machines, and its inventory: sshd hosts, or
 * with `--transport winrm` fake-winrm hosts (HTTP 5985 and HTTPS 5986, NTLM and Basic).
 */
export async function labUpCommand(args: { hosts?: number; states?: string; dir: string; transport: 'ssh' | 'ssh-exec' | 'winrm'; base?: string }): Promise<number> {
  if (args.hosts !== undefined && (!Number.isInteger(args.hosts) || args.hosts < 1 || args.hosts > 250)) {
    throw new UsageError(`--hosts: must be a whole number from 1 to 250, got ${args.hosts}`);
  }
  if (args.base !== undefined && !isLoopbackBase(args.base)) {
    throw new UsageError(`--base: must be the first three octets of a loopback address, like 127.0.1 (each 0-255), got ${JSON.stringify(args.base)}`);
  }
  if (args.states !== undefined) pathFlag('states', args.states, 'folder');
  if (args.states !== undefined && !existsSync(args.states)) throw new UsageError(`--states: no such folder ${args.states}`);
  pathFlag('dir', args.dir, 'folder');
  const result = await labUp({ dir: args.dir, hosts: args.hosts, statesDir: args.states, transport: args.transport, base: args.base });
  if (!result.ok) throw new UsageError(`lab up: ${result.message}`);
  process.stdout.write(`lab up: ${result.hosts.length} hosts in ${result.dir}\n`);
  for (const h of result.hosts) process.stdout.write(`  ${h.name.padEnd(14)} ${h.address}${h.state ? `  dressed as ${h.state}` : ''}\n`);
  process.stdout.write(`inventory: ${result.inventory}\n`);
  // The WinRM password never goes into the inventory: it names a variable, set from the lab's 0600 file.
  if (result.winrm) process.stdout.write(`password: export ${result.winrm.credentialEnv}="$(cat ${result.winrm.passwordFile})"\n`);
  process.stdout.write(`next: fleet-scan scan -i ${result.inventory}\n`);
  return 0;
}

export async function labDownCommand(args: { dir: string }): Promise<number> {
  pathFlag('dir', args.dir, 'folder');
  const result = await labDown({ dir: args.dir });
  if (!result.ok) throw new UsageError(`lab down: ${result.message}`);
  process.stdout.write(`lab down: stopped ${result.stopped} hosts\n`);
  return 0;
}
