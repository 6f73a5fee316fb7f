import type { ResolvedHost } from '../../inventory/schema.js';
import { promptSecret } from './prompt-secret.js';

export interface SecretSources {
  env?: NodeJS.ProcessEnv;
  /** Asks on the terminal; absent where no one can answer (no terminal: a nightly job). */
  prompt?: (question: string) => Promise<string>;
}

const canPrompt = (): boolean => process.stdin.isTTY === true;

/**
 * WinRM passwords by the environment variable the inventory names (`credentialEnv`): its value, or
 * asked once per name on a terminal. A name with neither is left out; the host then fails to connect.
 */
export async function winrmSecrets(
  hosts: readonly ResolvedHost[],
  sources: SecretSources = { env: process.env, ...(canPrompt() && { prompt: promptSecret }) },
): Promise<Map<string, string>> {
  const env = sources.env ?? {};
  const secrets = new Map<string, string>();
  for (const host of hosts) {
    const name = host.credentialEnv;
    // Kerberos uses the controller's ticket: there is no password to ask for.
    if (host.transport !== 'winrm' || host.auth === 'kerberos' || !name || secrets.has(name)) continue;
    const value = env[name];
    if (value) {
      secrets.set(name, value);
      // Read once: from here on the password lives in this map only, and no process the scan starts
      // (pwsh, ssh, Chromium for --pdf) inherits it where /proc/<pid>/environ would show it.
      if (env === process.env) delete process.env[name];
    } else if (sources.prompt) secrets.set(name, await sources.prompt(`Password for ${host.user ?? 'WinRM'} (${name} is not set): `));
  }
  return secrets;
}
