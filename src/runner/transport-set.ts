import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Transport as TransportName } from '../inventory/schema.js';
import { findExecutable } from './find-executable.js';
import type { HostKeyPolicy } from './ssh-options.js';
import { PwshHost } from './pwsh-host.js';
import { localTransport } from './transports/local.js';
import { sshExecTransport } from './transports/ssh-exec.js';
import { sshRemotingTransport } from './transports/ssh-remoting.js';
import type { Transport } from './transports/transport.js';
import { winrmTransport } from './transports/winrm.js';
import { WORKER_BIN_DIR } from './transports/worker-scripts.js';

export interface TransportSetOptions {
  /** How ssh treats a host key it has never seen: refuse it (the default), or `accept-new` (never a changed one). */
  hostKeys?: HostKeyPolicy;
}

/**
 * `env` without the variables that hold WinRM passwords: the controller reads them once, and no process
 * it starts (pwsh, ssh) inherits them, where any local user's `ps e` or /proc/<pid>/environ could show them.
 */
export function childEnvironment(env: NodeJS.ProcessEnv, secretNames: Iterable<string>): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const name of secretNames) delete copy[name];
  return copy;
}

/**
 * The transports of one run. One pwsh worker serves every remoting session (a local pwsh costs ~117 MB
 * and 0.5 CPU-s to start, one more session inside it ~4 MB plus one ssh), started only if a host needs it.
 */
export class TransportSet {
  private worker: PwshHost | undefined;
  private readonly cache = new Map<TransportName, Transport>();
  private readonly sshDir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-ssh-'));
  private readonly realSsh: string;

  /** What every child of the run (the pwsh worker, ssh) gets: the environment less the password variables. */
  private readonly env: NodeJS.ProcessEnv;

  constructor(
    env: NodeJS.ProcessEnv = process.env,
    /** WinRM passwords by environment variable name, resolved by the CLI (env or prompt). */
    private readonly secrets: ReadonlyMap<string, string> = new Map(),
    private readonly options: TransportSetOptions = {},
  ) {
    this.env = childEnvironment(env, secrets.keys());
    const wrapper = path.join(WORKER_BIN_DIR, 'ssh');
    if ((statSync(wrapper).mode & 0o111) === 0) chmodSync(wrapper, 0o755);
    this.realSsh = findExecutable('ssh', env, [path.resolve(WORKER_BIN_DIR)]) ?? '/usr/bin/ssh';
  }

  get(name: TransportName): Transport {
    let transport = this.cache.get(name);
    if (!transport) {
      transport = this.create(name);
      this.cache.set(name, transport);
    }
    return transport;
  }

  async close(): Promise<void> {
    await this.worker?.close();
    rmSync(this.sshDir, { recursive: true, force: true });
  }

  /** The worker, for controller-side scripts (fleet checks). */
  pwsh(): PwshHost {
    this.worker ??= new PwshHost({
      env: {
        ...this.env,
        PATH: `${WORKER_BIN_DIR}${path.delimiter}${this.env.PATH ?? ''}`,
        FLEET_SCAN_SSH_DIR: this.sshDir,
        FLEET_SCAN_REAL_SSH: this.realSsh,
      },
    });
    return this.worker;
  }

  private create(name: TransportName): Transport {
    switch (name) {
      case 'ssh':
        return sshRemotingTransport(this.pwsh(), this.sshDir, this.options.hostKeys);
      case 'ssh-exec':
        return sshExecTransport({ ssh: this.realSsh, env: this.env, hostKeys: this.options.hostKeys });
      case 'local':
        return localTransport(this.pwsh());
      case 'winrm':
        return winrmTransport({ secrets: this.secrets });
    }
  }
}
