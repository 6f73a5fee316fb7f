import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INVENTORY_SCHEMA_FILE, inventoryJsonSchema, inventoryJsonSchemaText } from '../../src/inventory/json-schema.js';
import { loadInventory } from '../../src/inventory/load.js';
import { inventoryFileSchema } from '../../src/inventory/schema.js';

const root = (name: string) => fileURLToPath(new URL(`../../${name}`, import.meta.url));

type Node = { properties?: Record<string, Node>; items?: Node; additionalProperties?: unknown; description?: string; required?: string[] };

describe('inventory JSON Schema', () => {
  it('the committed inventory.schema.json is exactly what the zod schema generates (regenerate: fleet-scan inventory schema > inventory.schema.json)', () => {
    expect(readFileSync(root(INVENTORY_SCHEMA_FILE), 'utf8')).toBe(inventoryJsonSchemaText());
  });

  it('is draft-07, refuses unknown fields at every level and describes every field for editors', () => {
    const schema = inventoryJsonSchema() as Node & { $schema: string };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const defaults = schema.properties?.['defaults'] as Node;
    const host = schema.properties?.['hosts']?.items as Node;
    for (const node of [schema, defaults, host]) {
      expect(node.additionalProperties).toBe(false);
      for (const [field, property] of Object.entries(node.properties ?? {})) {
        expect(property.description, field).toMatch(/\S{3}/);
      }
    }
    expect(host.required).toEqual(['name']);
  });

  it('inventory.example.json points at the schema, validates and loads without warnings', async () => {
    const path = root('inventory.example.json');
    const example = JSON.parse(readFileSync(path, 'utf8')) as { $schema: string };
    expect(example.$schema).toBe(`./${INVENTORY_SCHEMA_FILE}`);
    expect(inventoryFileSchema.safeParse(example).success).toBe(true);
    const inventory = await loadInventory(path);
    expect(inventory.warnings).toEqual([]);
    expect(inventory.key).toBe('prod-backup-rollout');
    expect(inventory.hosts.map((host) => `${host.name} ${host.transport} ${host.port} ${host.cloud}`)).toEqual([
      'fs01 ssh-exec 22 public', 'fs02 ssh-exec 22 public', 'app01 ssh-exec 22 public', 'cn-fs01 ssh-exec 22 china',
      'gov-fs01 ssh-exec 22 usgov', 'legacy01 winrm 5986 public',
    ]);
    expect(inventory.hosts.find((host) => host.transport === 'winrm')?.credentialEnv).toBe('FLEET_SCAN_WINRM_PASSWORD');
  });
});
