import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PwshLocation } from './pwsh-location.js';

export interface LabWrappers {
  /** Target of `Subsystem powershell`: pwsh in server mode for PowerShell remoting over SSH. */
  subsystem: string;
  /** The lab's stand-in for Windows PowerShell 5.1's `powershell.exe` (the ssh-exec `shell`). */
  powershell: string;
  /** A subsystem path that does not exist, for hosts whose PowerShell install is broken. */
  missing: string;
}

const QUIET = 'export POWERSHELL_TELEMETRY_OPTOUT=1 POWERSHELL_UPDATECHECK=Off';

/**
 * Writes `<dir>/bin/pwsh-sshs` and `<dir>/bin/powershell`. Both exec the dll directly, so the session
 * is one process and a kill of its group reaches pwsh itself.
 */
export function writeLabWrappers(dir: string, pwsh: PwshLocation): LabWrappers {
  const bin = path.join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const wrappers: LabWrappers = {
    subsystem: path.join(bin, 'pwsh-sshs'),
    powershell: path.join(bin, 'powershell'),
    missing: path.join(bin, 'no-such-pwsh'),
  };
  const script = (lines: string[]) => `#!/bin/sh\n${lines.join('\n')}\n`;
  writeFileSync(wrappers.subsystem, script([
    '# powershell subsystem of the fleet-scan lab',
    QUIET,
    `exec ${pwsh.dotnet} ${pwsh.dll} -sshs -NoLogo -NoProfile`,
  ]), { mode: 0o755 });
  // TERM=dumb: pwsh reading a pipe under any other TERM wraps each command in escape codes, which
  // powershell.exe on Windows never writes.
  writeFileSync(wrappers.powershell, script([
    '# stand-in for Windows PowerShell (powershell.exe) on lab hosts: this is pwsh 7',
    QUIET,
    'export TERM=dumb NO_COLOR=1',
    `exec ${pwsh.dotnet} ${pwsh.dll} "$@"`,
  ]), { mode: 0o755 });
  return wrappers;
}
