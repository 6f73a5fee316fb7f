import type { ResolvedHost } from '../inventory/schema.js';

/**
 * How ssh treats a host key: `strict` refuses any key known_hosts does not hold; `accept-new` (the
 * explicit `--accept-new-host-keys`) adds a key it has never seen to known_hosts, and still refuses a
 * key that differs from the one known_hosts holds.
 */
export type HostKeyPolicy = 'strict' | 'accept-new';

const STRICT_HOST_KEY_CHECKING: Record<HostKeyPolicy, string> = { strict: 'yes', 'accept-new': 'accept-new' };

/**
 * The ssh options of every ssh the controller starts, as name → value: never prompt, check the host key,
 * and turn a frozen peer into an error through keep-alives. The ssh-exec command line and the remoting
 * script (`worker/scan-ssh.ps1`, which hands them to New-PSSession) both take them from here. Values only
 * ever come from validated inventory values.
 */
export function sshOptionMap(host: ResolvedHost, hostKeys: HostKeyPolicy = 'strict'): Record<string, string> {
  const options: Record<string, string> = {
    BatchMode: 'yes',
    StrictHostKeyChecking: STRICT_HOST_KEY_CHECKING[hostKeys],
    ConnectTimeout: String(Math.max(1, Math.ceil(host.connectTimeoutMs / 1000))),
    ServerAliveInterval: '5',
    ServerAliveCountMax: '3',
    // INFO, not ERROR: a host that sends its banner and then stalls ends ssh with 255 and, below INFO, no text at all.
    LogLevel: 'INFO',
  };
  if (host.knownHostsFile) Object.assign(options, { UserKnownHostsFile: host.knownHostsFile, GlobalKnownHostsFile: '/dev/null' });
  return options;
}

/** The same options as `-o Name=value` arguments. */
export function sshOptions(host: ResolvedHost, hostKeys: HostKeyPolicy = 'strict'): string[] {
  return Object.entries(sshOptionMap(host, hostKeys)).flatMap(([name, value]) => ['-o', `${name}=${value}`]);
}
