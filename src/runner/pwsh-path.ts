import { existsSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../checks/package-root.js';

/**
 * The pwsh to start. Order: FLEET_SCAN_PWSH, the repo's exec wrapper (.tools/bin/pwsh, one process, so a
 * kill reaches pwsh itself rather than the dotnet-tool shim), then `pwsh` on PATH.
 */
export function resolvePwsh(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FLEET_SCAN_PWSH) return env.FLEET_SCAN_PWSH;
  const local = path.join(PACKAGE_ROOT, '.tools', 'bin', 'pwsh');
  return existsSync(local) ? local : 'pwsh';
}
