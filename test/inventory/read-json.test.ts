import { describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/inventory/load.js';
import { problemsOf, tempFolder } from './temp-files.js';

const { write } = tempFolder();

describe('JSON inventories', () => {
  it('a syntax error is reported with its line and column', async () => {
    const file = write('broken.json', '{\n  "hosts": [\n    { "name": "fs01" }\n    { "name": "fs02" }\n  ]\n}\n');
    expect(await problemsOf(loadInventory(file))).toEqual([`${file}: line 4 column 5: invalid JSON: expected "," or "]", got "{"`]);
  });

  it('a file saved with a BOM by Notepad is read', async () => {
    const file = write('bom.json', `\uFEFF${JSON.stringify({ hosts: [{ name: 'fs01', cloud: 'public' }] })}`);
    expect((await loadInventory(file)).hosts.map((host) => host.name)).toEqual(['fs01']);
  });

  it('one bad host does not hide the problems of the others', async () => {
    const file = write('several.json', {
      hosts: [{ name: 'fs01', port: 0 }, { name: 'fs02', cloud: 'public' }, { name: 'FS02', cloud: 'public' }, { name: 'fs03', transport: 'telnet' }],
    });
    expect(await problemsOf(loadInventory(file))).toEqual([
      `${file}: hosts[0] (fs01).port: must be 1-65535, got 0`,
      `${file}: hosts[3] (fs03).transport: must be one of ssh, ssh-exec, winrm, local, got "telnet"`,
      `${file}: hosts[2] (FS02).name: duplicate of hosts[1]`,
    ]);
  });

  it('duplicate names are found case-insensitively and point at the first', async () => {
    const hosts = [{ name: 'fs01' }, { name: 'web01' }, { name: 'fs01' }, { name: 'WEB01' }].map((host) => ({ ...host, cloud: 'public' }));
    const file = write('dupes.json', { hosts });
    expect(await problemsOf(loadInventory(file))).toEqual([
      `${file}: hosts[2] (fs01).name: duplicate of hosts[0]`,
      `${file}: hosts[3] (WEB01).name: duplicate of hosts[1]`,
    ]);
  });

  it('the name is the history key; without one the key is the absolute path', async () => {
    const named = await loadInventory(write('named.json', { name: 'prod-backup-rollout', hosts: [{ name: 'fs01', cloud: 'public' }] }));
    expect([named.key, named.name]).toEqual(['prod-backup-rollout', 'prod-backup-rollout']);
    const file = write('unnamed.json', { hosts: [{ name: 'fs01', cloud: 'public' }] });
    const unnamed = await loadInventory(file);
    expect([unnamed.key, unnamed.path, unnamed.name]).toEqual([file, file, undefined]);
  });
});

describe('JSON inventories that are not objects', () => {
  it('a file that is a list or empty says what it must be', async () => {
    const list = write('list.json', '[{ "name": "fs01" }]');
    expect(await problemsOf(loadInventory(list))).toEqual([`${list}: must be a JSON object with a "hosts" list, got a list`]);
    const empty = write('empty.json', '');
    expect(await problemsOf(loadInventory(empty))).toEqual([`${empty}: line 1 column 1: invalid JSON: expected a value, got the end of the file`]);
  });

  it('a --defaults file that is not an object says what it must be', async () => {
    const defaultsPath = write('list-defaults.json', '[]');
    const file = write('list-hosts.txt', 'fs01\n');
    expect(await problemsOf(loadInventory(file, { defaultsPath }))).toEqual([
      `${defaultsPath}: must be a JSON object like { "defaults": { ... } }, got an empty list`,
    ]);
  });
});
