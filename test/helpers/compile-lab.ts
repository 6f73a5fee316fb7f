import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './pwsh.js';

/**
 * Compiles src/lab to plain JS under `dir`, so a separate Node process (one we can interrupt) can
 * run the lab. `.tools` and `node_modules` are linked in, because the lab finds pwsh and zod from its
 * own location. `entries` (relative to src/lab) are compiled with what they import. Returns the path
 * of the compiled `lab/` folder.
 */
export function compileLab(dir: string, entries: string[] = ['fleet.ts']): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
  symlinkSync(path.join(REPO, '.tools'), path.join(dir, '.tools'));
  execFileSync(process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'),
    '--outDir', path.join(dir, 'out'), '--rootDir', path.join(REPO, 'src'), '--module', 'nodenext',
    '--moduleResolution', 'nodenext', '--target', 'es2022', '--strict', '--skipLibCheck', '--types', 'node',
    ...entries.map((e) => path.join(REPO, 'src', 'lab', e))], { stdio: 'pipe' });
  return path.join(dir, 'out', 'lab');
}
