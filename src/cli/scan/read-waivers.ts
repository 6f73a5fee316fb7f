import { loadWaivers } from '../../policy/waivers.js';
import type { Waiver } from '../../record/waiver-file.js';
import { pathFlag } from '../durations.js';
import { UsageError } from '../usage-error.js';

/** `--waivers FILE`, read before the scan so a bad row stops the run before it starts; none without the flag. */
export function readWaivers(file: string | undefined): Waiver[] {
  if (file === undefined) return [];
  const loaded = loadWaivers(pathFlag('waivers', file, 'file'));
  if (!loaded.ok) throw new UsageError(loaded.errors);
  return loaded.waivers;
}
