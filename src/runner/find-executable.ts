import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** The first executable `name` on PATH, skipping `exclude` folders (our own wrappers). */
export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env, exclude: string[] = []): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir || exclude.includes(path.resolve(dir))) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
