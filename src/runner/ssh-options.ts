import type { ResolvedHost } from '../inventory/schema.js';

/**
 * The ssh options every transport passes: never prompt, never trust an unknown host key, and turn a
 * frozen peer into an error through keep-alives. Options only ever come from validated inventory values.
 */
export function sshOptions(host: ResolvedHost): string[] {
  const seconds = Math.max(1, Math.ceil(host.connectTimeoutMs / 1000));
  const opts = [
    'BatchMode=yes',
    'StrictHostKeyChecking=yes',
    `ConnectTimeout=${seconds}`,
    'ServerAliveInterval=5',
    'ServerAliveCountMax=3',
    'LogLevel=ERROR',
  ];
  if (host.knownHostsFile) opts.push(`UserKnownHostsFile=${host.knownHostsFile}`, 'GlobalKnownHostsFile=/dev/null');
  return opts.flatMap((o) => ['-o', o]);
}
