import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInventoryOrUsage } from '../../src/cli/load-inventory.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { marsPack, scratchDir } from './helpers/scan-inputs.js';

const dir = scratchDir('load-inventory');
const pack = marsPack();

describe('loadInventoryOrUsage', () => {
  it('loads the inventory and passes each of its warnings on', async () => {
    const file = path.join(dir, 'guess.json');
    writeFileSync(file, JSON.stringify({ hosts: [{ name: 'fs01', vars: { vaultRegion: 'chinanorth2' } }] }));
    const warnings: string[] = [];
    const inventory = await loadInventoryOrUsage(file, pack, undefined, (w) => warnings.push(w));
    expect(inventory.hosts.map((h) => [h.name, h.cloud])).toEqual([['fs01', 'china']]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('fs01');
  });

  it('turns each inventory problem into one usage line', async () => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ hosts: [{ name: 'fs01', port: 99999 }] }));
    await expect(loadInventoryOrUsage(file, pack, undefined, () => undefined)).rejects.toEqual(
      new UsageError([`${file}: hosts[0] (fs01).port: must be 1-65535, got 99999`]),
    );
  });

  it('checks the vars against the pack', async () => {
    const file = path.join(dir, 'vars.json');
    writeFileSync(file, JSON.stringify({ hosts: [{ name: 'fs01', vars: { privateEndpoint: 'yes' } }] }));
    const error = await loadInventoryOrUsage(file, pack, undefined, () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).lines.join('\n')).toContain('privateEndpoint');
  });
});
