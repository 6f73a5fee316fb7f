import { loadPack, PackError, type Pack } from '../checks/catalog.js';
import { UsageError } from './usage-error.js';

/** The named check pack, or a usage error in the pack's own words (`--pack: ... no such pack "x"`), led by where the name came from. */
export function loadPackOrUsage(name: string, from = '--pack'): Pack {
  try {
    return loadPack(name);
  } catch (error) {
    if (error instanceof PackError) throw new UsageError(`${from}: ${error.message}`);
    throw error;
  }
}
