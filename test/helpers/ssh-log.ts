import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface SshLog {
  /** Environment for a pwsh whose `ssh` children should log per host. */
  env: NodeJS.ProcessEnv;
  /** What ssh said while connecting to `address` ('' when it said nothing). */
  said(address: string): string;
}

/**
 * An `ssh` wrapper put first on PATH: pwsh runs `ssh [opts] -s HOST powershell`, so the host is the
 * second-to-last argument, and `-E` sends that connection's messages to a file of its own. Without it,
 * ssh's words from parallel or sequential sessions land unattributed in pwsh's output.
 */
export function sshLogWrapper(dir: string): SshLog {
  const bin = path.join(dir, 'sshwrap');
  const logs = path.join(dir, 'ssh-logs');
  mkdirSync(bin, { recursive: true });
  mkdirSync(logs, { recursive: true });
  writeFileSync(path.join(bin, 'ssh'), [
    '#!/bin/sh',
    'for a in "$@"; do prev2=$prev1; prev1=$a; done',
    `exec /usr/bin/ssh -E "${logs}/ssh-$prev2.log" "$@"`,
    '',
  ].join('\n'), { mode: 0o755 });
  return {
    env: { PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}` },
    said: (address) => {
      const file = path.join(logs, `ssh-${address}.log`);
      return existsSync(file) ? readFileSync(file, 'utf8') : '';
    },
  };
}
