import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/inventory/load.js';
import { InventoryError } from '../../src/inventory/problems.js';
import { problemsOf, tempFolder } from './temp-files.js';

const { dir, write } = tempFolder();

describe('loadInventory', () => {
  it('loads the same host the same way from JSON, CSV and a text list with defaults', async () => {
    const defaults = { user: 'svc-scan', cloud: 'public', tags: ['prod'] };
    const fromJson = await loadInventory(write('same.json', { defaults, hosts: [{ name: 'fs01' }] }));
    const defaultsPath = write('same-defaults.json', { defaults });
    const fromCsv = await loadInventory(write('same.csv', 'name\nfs01\n'), { defaultsPath });
    const fromText = await loadInventory(write('same.txt', 'fs01\n'), { defaultsPath });
    expect(fromCsv.hosts).toEqual(fromJson.hosts);
    expect(fromText.hosts).toEqual(fromJson.hosts);
  });

  it('a missing file is one line naming it', async () => {
    const file = join(dir, 'nope.json');
    expect(await problemsOf(loadInventory(file))).toEqual([`${file}: cannot read: no such file`]);
  });

  it('a missing --defaults file is one line naming it', async () => {
    const file = write('exists.csv', 'name\nfs01\n');
    const defaultsPath = join(dir, 'missing-defaults.json');
    expect(await problemsOf(loadInventory(file, { defaultsPath }))).toEqual([`${defaultsPath}: cannot read: no such file`]);
  });

  it('a folder is not an inventory', async () => {
    const folder = join(dir, 'folder.json');
    mkdirSync(folder);
    expect(await problemsOf(loadInventory(folder))).toEqual([`${folder}: cannot read: is a directory`]);
  });

  it('an unknown extension is refused with the formats that exist', async () => {
    const file = write('hosts.yaml', 'hosts: []');
    expect(await problemsOf(loadInventory(file))).toEqual([`${file}: unknown inventory format ".yaml": use .json, .csv, .txt or .list`]);
  });

  it('--defaults is refused for a JSON inventory, which has its own defaults', async () => {
    const file = write('own.json', { hosts: [{ name: 'fs01' }] });
    const defaultsPath = write('extra-defaults.json', { defaults: {} });
    expect(await problemsOf(loadInventory(file, { defaultsPath }))).toEqual([
      `${defaultsPath}: --defaults is for .csv and .txt inventories; ${file} has its own "defaults"`,
    ]);
  });

  it('an InventoryError is its lines and carries no stack frames', async () => {
    const file = write('frames.json', { hosts: [{ name: 'fs01', port: 0 }, { name: 'fs02', port: -1 }] });
    const error = await loadInventory(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InventoryError);
    const { message, stack, problems } = error as InventoryError;
    expect(message).toBe(problems.join('\n'));
    expect(problems).toHaveLength(2);
    expect(stack).not.toMatch(/\n\s+at /);
  });
});
