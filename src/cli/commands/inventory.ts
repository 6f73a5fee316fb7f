import { formatHostTable } from '../../inventory/host-table.js';
import { inventoryJsonSchemaText } from '../../inventory/json-schema.js';
import { loadInventoryOrUsage } from '../load-inventory.js';
import { loadPackOrUsage } from '../load-pack.js';

/** `fleet-scan inventory check FILE`: validate and show the hosts a scan would reach. */
export async function inventoryCheckCommand(args: { file: string; pack: string; defaults?: string }): Promise<number> {
  const pack = loadPackOrUsage(args.pack);
  const inventory = await loadInventoryOrUsage(args.file, pack, args.defaults);
  process.stdout.write(`${formatHostTable(inventory)}\n`);
  process.stdout.write(`${inventory.path}: ${inventory.hosts.length} hosts, valid\n`);
  return 0;
}

/** `fleet-scan inventory schema`: the JSON Schema generated from the inventory's zod schema. */
export function inventorySchemaCommand(): number {
  process.stdout.write(inventoryJsonSchemaText());
  return 0;
}
