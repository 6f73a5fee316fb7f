/** Everything one lab sshd needs; all paths absolute. */
export interface SshdConfigSpec {
  address: string;
  port: number;
  hostKey: string;
  pidFile: string;
  authorizedKeysFile: string;
  /** The `powershell` subsystem command, or null for a host without the Subsystem line. */
  subsystem: string | null;
  /** Variables for every session (sshd builds session environments from scratch). */
  setEnv: Record<string, string>;
}

/**
 * sshd_config text for one lab host. Key-only auth; StrictModes off because the key files live under
 * /tmp, whose 1777 mode sshd would refuse; MaxStartups raised so a 20-host fan-out is never throttled.
 */
export function renderSshdConfig(spec: SshdConfigSpec): string {
  for (const [name, value] of Object.entries(spec.setEnv)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || /[\s"]/.test(value)) {
      throw new Error(`SetEnv ${name}: names must be identifiers and values must not hold spaces or quotes`);
    }
  }
  const lines = [
    `ListenAddress ${spec.address}:${spec.port}`,
    `HostKey ${spec.hostKey}`,
    `PidFile ${spec.pidFile}`,
    `AuthorizedKeysFile ${spec.authorizedKeysFile}`,
    'StrictModes no',
    'PermitRootLogin prohibit-password',
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    'UseDNS no',
    'PrintMotd no',
    'PrintLastLog no',
    'X11Forwarding no',
    'MaxStartups 100:30:200',
    'MaxSessions 50',
    // A stalled half-open connection goes away on its own, even if the harness never gets to stop it.
    'LoginGraceTime 30',
    'LogLevel INFO',
  ];
  const env = Object.entries(spec.setEnv).map(([k, v]) => `${k}=${v}`);
  if (env.length > 0) lines.push(`SetEnv ${env.join(' ')}`);
  if (spec.subsystem !== null) lines.push(`Subsystem powershell ${spec.subsystem}`);
  return `${lines.join('\n')}\n`;
}
