import type { Pack } from '../checks/catalog.js';
import { validateVars } from '../checks/pack-vars.js';
import { loadInventory } from '../inventory/load.js';
import { InventoryError } from '../inventory/problems.js';
import type { Inventory } from '../inventory/schema.js';
import { pathFlag } from './durations.js';
import { UsageError } from './usage-error.js';

/** The inventory with its vars checked against the pack; its warnings go to `warn`, its problems become one usage line each. */
export async function loadInventoryOrUsage(
  file: string,
  pack: Pack,
  defaultsPath: string | undefined,
  warn: (line: string) => void = (line) => process.stderr.write(`warning: ${line}\n`),
): Promise<Inventory> {
  let inventory: Inventory;
  try {
    const defaults = defaultsPath === undefined ? undefined : pathFlag('defaults', defaultsPath, 'file');
    inventory = await loadInventory(file, { defaultsPath: defaults, validateVars: (vars) => validateVars(pack, vars) });
  } catch (error) {
    if (error instanceof InventoryError) throw new UsageError(error.problems);
    throw error;
  }
  for (const line of inventory.warnings) warn(line);
  return inventory;
}
