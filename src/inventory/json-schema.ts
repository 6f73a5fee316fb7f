import { z } from 'zod';
import { inventoryFileSchema } from './schema.js';

/** Where the generated schema lives (repo root), and what inventories put in `$schema`. */
export const INVENTORY_SCHEMA_FILE = 'inventory.schema.json';

/** JSON Schema (draft-07, which VS Code handles) of the JSON inventory, generated from the zod schema. */
export function inventoryJsonSchema(): Record<string, unknown> {
  // io 'input': the file as written (fields with defaults are optional; aliases before normalising).
  const { $schema, ...schema } = z.toJSONSchema(inventoryFileSchema, { target: 'draft-7', io: 'input' });
  return { $schema, title: 'fleet-scan inventory', ...schema };
}

/** The schema as the text of inventory.schema.json (2-space indent, final newline). */
export function inventoryJsonSchemaText(): string {
  return `${JSON.stringify(inventoryJsonSchema(), null, 2)}\n`;
}
