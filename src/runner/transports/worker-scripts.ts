import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../checks/package-root.js';

const WORKER_DIR = path.join(PACKAGE_ROOT, 'src', 'runner', 'worker');
const cache = new Map<string, string>();

/** The text of a controller-side script in src/runner/worker (read once per process). */
export function workerScript(name: 'scan-ssh.ps1' | 'scan-local.ps1' | 'Invoke-FsPackInSession.ps1' | 'run-fleet-checks.ps1'): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(path.join(WORKER_DIR, name), 'utf8');
    cache.set(name, text);
  }
  return text;
}

export const SESSION_CODE_KEY = 'fs-session-code';
export const WORKER_BIN_DIR = path.join(WORKER_DIR, 'bin');
