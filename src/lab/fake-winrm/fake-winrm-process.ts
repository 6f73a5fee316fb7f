import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../../checks/package-root.js';
import { spawnDetached, type DetachedProcess, type Started } from '../detached-process.js';

/** The compiled entry point: beside this module in dist/, else the package's build (when run from src/). */
export function fakeWinrmEntry(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return [path.join(here, 'main.js'), path.join(PACKAGE_ROOT, 'dist', 'lab', 'fake-winrm', 'main.js')].find((f) => existsSync(f));
}

/** Starts `node <entry> <config>` detached (see spawnDetached), its output in `log`. */
export function spawnFakeWinrm(configFile: string, log: string, env: Record<string, string>, entry = fakeWinrmEntry()): Started<DetachedProcess> {
  if (!entry) return { ok: false, message: 'fake-winrm is not built: run npm run build' };
  return spawnDetached('fake-winrm', process.execPath, [entry, configFile], log, env);
}
