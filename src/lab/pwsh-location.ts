import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../checks/package-root.js';

export interface PwshLocation {
  /** The dotnet host that runs pwsh.dll. */
  dotnet: string;
  /** pwsh.dll of the pinned PowerShell tool. */
  dll: string;
}

export type Found<T> = { ok: true; value: T } | { ok: false; message: string };

// `.tools/bin/pwsh` (written by scripts/setup.sh) ends with `exec <dotnet> <pwsh.dll> "$@"`.
const EXEC_LINE = /^exec\s+(\S+)\s+(\S+pwsh\.dll)\s/m;

/**
 * Where dotnet and pwsh.dll are, so lab wrappers can exec the dll directly: the dotnet-tool shim forks,
 * and a kill of the shim would leave the real pwsh running.
 */
export function findPwsh(root: string = PACKAGE_ROOT, env: NodeJS.ProcessEnv = process.env): Found<PwshLocation> {
  const wrapper = path.join(root, '.tools', 'bin', 'pwsh');
  if (existsSync(wrapper)) {
    const m = EXEC_LINE.exec(readFileSync(wrapper, 'utf8'));
    if (m && existsSync(m[1]!) && existsSync(m[2]!)) return { ok: true, value: { dotnet: m[1]!, dll: m[2]! } };
  }
  // The same lookup scripts/setup.sh does: the version pinned in the tool manifest, in the NuGet cache.
  const manifest = path.join(root, '.config', 'dotnet-tools.json');
  if (!existsSync(manifest)) return { ok: false, message: `pwsh not found: run scripts/setup.sh (no ${wrapper})` };
  const version = /"version":\s*"(7\.[0-9.]+)"/.exec(readFileSync(manifest, 'utf8'))?.[1];
  const packages = env.NUGET_PACKAGES ?? path.join(homedir(), '.nuget', 'packages');
  const dll = path.join(packages, 'powershell', version ?? '?', 'tools', 'net10.0', 'any', 'unix', 'pwsh.dll');
  const dotnet = ['/usr/bin/dotnet', '/usr/share/dotnet/dotnet'].find((p) => existsSync(p));
  if (!version || !existsSync(dll) || !dotnet) return { ok: false, message: `pwsh not found: run scripts/setup.sh (no ${dll})` };
  return { ok: true, value: { dotnet: realpathSync(dotnet), dll } };
}
