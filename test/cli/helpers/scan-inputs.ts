// Real inputs for the scan stages: the shipped MARS pack and an inventory file loaded the way a scan loads it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { loadPack, type Pack } from '../../../src/checks/catalog.js';
import { loadInventory } from '../../../src/inventory/load.js';
import type { Inventory } from '../../../src/inventory/schema.js';

export const marsPack = (): Pack => loadPack('mars');

/** A folder for one test file, removed after it. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `fleet-scan-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** fs01 and fs02 (tag files, 15 s connect timeout) and web01 (tag web, 30 s), loaded from a real JSON inventory. */
export async function threeHostInventory(dir: string): Promise<Inventory> {
  const file = path.join(dir, 'inventory.json');
  writeFileSync(
    file,
    JSON.stringify({
      name: 'stage-tests',
      defaults: { transport: 'ssh-exec', connectTimeout: '15s' },
      hosts: [
        { name: 'fs01', address: '127.0.0.11', tags: ['files'] },
        { name: 'fs02', address: '127.0.0.12', tags: ['files'] },
        { name: 'web01', address: '127.0.0.13', tags: ['web'], connectTimeout: '30s' },
      ],
    }),
  );
  return loadInventory(file);
}
