import { beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '../../../src/inventory/schema.js';
import { scanHosts } from '../../../src/cli/scan/scan-hosts.js';
import { UsageError } from '../../../src/cli/usage-error.js';
import { scratchDir, threeHostInventory } from '../helpers/scan-inputs.js';

const all = { names: null, tags: null, connectTimeoutMs: undefined };
let inventory: Inventory;
beforeAll(async () => {
  inventory = await threeHostInventory(scratchDir('scan-hosts'));
});

describe('scanHosts', () => {
  it('keeps every host, in inventory order, with no filter', () => {
    expect(scanHosts(inventory, all).map((h) => h.name)).toEqual(['fs01', 'fs02', 'web01']);
  });

  it('keeps the hosts that match --host and --tags together', () => {
    expect(scanHosts(inventory, { ...all, tags: ['files'] }).map((h) => h.name)).toEqual(['fs01', 'fs02']);
    expect(scanHosts(inventory, { ...all, tags: ['files'], names: ['*02', 'web01'] }).map((h) => h.name)).toEqual(['fs02']);
  });

  it('refuses a --host that matches nothing, naming it, rather than scanning less', () => {
    expect(() => scanHosts(inventory, { ...all, names: ['fs01', 'nobody'] })).toThrow(
      new UsageError(`--host: no host in ${inventory.path} matches "nobody"`),
    );
  });

  it('refuses filters that leave no host', () => {
    expect(() => scanHosts(inventory, { ...all, tags: ['sql'] })).toThrow(new UsageError(`--tags: no host in ${inventory.path} has the tag "sql"`));
  });

  it('gives every host the --connect-timeout, overriding the inventory', () => {
    expect(scanHosts(inventory, all).map((h) => h.connectTimeoutMs)).toEqual([15_000, 15_000, 30_000]);
    expect(scanHosts(inventory, { ...all, connectTimeoutMs: 5_000 }).map((h) => h.connectTimeoutMs)).toEqual([5_000, 5_000, 5_000]);
  });

  it('scans a resumed run only on the hosts that run started with', () => {
    expect(scanHosts(inventory, { ...all, runHostNames: ['web01', 'fs01', 'gone01'] }).map((h) => h.name)).toEqual(['fs01', 'web01']);
  });
});
