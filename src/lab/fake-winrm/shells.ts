import { CommandProcess, type LaunchSpec } from './command-process.js';
import { upperGuid } from './responses.js';

export interface Shell {
  id: string;
  owner: string;
  clientIp: string;
  inputStreams: string;
  outputStreams: string;
  /** rsp:IdleTimeOut: unused this long, the shell is deleted (Windows' default is 2 hours). */
  idleTimeoutMs: number;
  /** rsp:Environment of the Create request: added to every command's environment, as Windows does. */
  environment: Record<string, string>;
  commands: Map<string, CommandProcess>;
  lastActivity: number;
  /** Requests on this shell still being answered (a Receive waiting for output keeps the shell in use). */
  busy: number;
  /** Open client connections that have used the shell. */
  connections: Set<number>;
}

export interface ShellTableOptions {
  /** A shell nobody is connected to and nobody has used for this long is deleted, children and all. */
  orphanTimeoutMs: number;
}

/** The shells of one fake Windows host, keyed by ShellId. */
export class ShellTable {
  private readonly shells = new Map<string, Shell>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: ShellTableOptions) {
    this.sweeper = setInterval(() => void this.sweep(), Math.min(1000, Math.max(50, options.orphanTimeoutMs / 4)));
    this.sweeper.unref();
  }

  /** The number of shells `owner` has open. */
  countFor(owner: string): number {
    return [...this.shells.values()].filter((s) => s.owner.toLowerCase() === owner.toLowerCase()).length;
  }

  create(fields: Pick<Shell, 'owner' | 'clientIp' | 'inputStreams' | 'outputStreams' | 'environment' | 'idleTimeoutMs'>, connection: number): Shell {
    const shell: Shell = {
      ...fields, id: upperGuid(), commands: new Map(), lastActivity: Date.now(), busy: 0, connections: new Set([connection]),
    };
    this.shells.set(shell.id, shell);
    return shell;
  }

  /** The shell with this id, marked as used by `connection` now. */
  use(id: string, connection: number): Shell | undefined {
    const shell = this.shells.get(id.toUpperCase());
    if (!shell) return undefined;
    shell.lastActivity = Date.now();
    shell.connections.add(connection);
    return shell;
  }

  startCommand(shell: Shell, id: string, spec: LaunchSpec): CommandProcess {
    const command = new CommandProcess(id, { ...spec, env: { ...spec.env, ...shell.environment } });
    shell.commands.set(id.toUpperCase(), command);
    return command;
  }

  /** Kills the command's process group and forgets it. */
  async endCommand(shell: Shell, id: string): Promise<void> {
    const command = shell.commands.get(id.toUpperCase());
    shell.commands.delete(id.toUpperCase());
    await command?.kill();
  }

  /** Kills every command of the shell and forgets it; false if there was no such shell. */
  async delete(id: string): Promise<boolean> {
    const shell = this.shells.get(id.toUpperCase());
    if (!shell) return false;
    this.shells.delete(shell.id);
    await Promise.all([...shell.commands.values()].map((c) => c.kill()));
    return true;
  }

  connectionClosed(connection: number): void {
    for (const shell of this.shells.values()) {
      if (shell.connections.delete(connection)) shell.lastActivity = Math.max(shell.lastActivity, Date.now());
    }
  }

  /** Deletes shells idle past their IdleTimeOut, and sooner those whose client went away. */
  async sweep(now = Date.now()): Promise<void> {
    const orphans = [...this.shells.values()].filter((s) => {
      const idle = now - s.lastActivity;
      return s.busy === 0 && (idle >= s.idleTimeoutMs || (s.connections.size === 0 && idle >= this.options.orphanTimeoutMs));
    });
    await Promise.all(orphans.map((s) => this.delete(s.id)));
  }

  /** Every shell and child gone; the table stops sweeping. */
  async closeAll(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.all([...this.shells.keys()].map((id) => this.delete(id)));
  }

  /** Synchronous last resort for exit handlers. */
  killAllNow(): void {
    for (const shell of this.shells.values()) for (const c of shell.commands.values()) c.killNow();
  }

  get size(): number {
    return this.shells.size;
  }
}
