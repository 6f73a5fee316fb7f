import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root (ps-scripts/, lab/, src/runner/worker/): two levels above this module, in src/ and in dist/ alike. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
