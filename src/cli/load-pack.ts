import { loadPack, PackError, type Pack } from '../checks/catalog.js';
import { UsageError } from './usage-error.js';

/** The named check pack, or a usage error in the pack's own words (`no such pack "x"`). */
export function loadPackOrUsage(name: string): Pack {
  try {
    return loadPack(name);
  } catch (error) {
    if (error instanceof PackError) throw new UsageError(error.message);
    throw error;
  }
}
