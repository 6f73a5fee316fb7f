import { describe, expect, test } from 'vitest';
import { buildLabInventory } from '../../src/lab/lab-inventory.js';

describe('buildLabInventory', () => {
  const base = {
    file: '/repo/.lab/inventory.json', schemaFile: '/repo/inventory.schema.json', transport: 'ssh' as const, port: 2222,
    clientKey: '/repo/.lab/client/id_ed25519', knownHosts: '/repo/.lab/client/known_hosts', shell: '/repo/.lab/bin/powershell',
  };

  test('writes the lab defaults and a $schema relative to the inventory file', () => {
    const doc = buildLabInventory({ ...base, hosts: [] });
    expect(doc).toEqual({
      $schema: '../inventory.schema.json', name: 'lab',
      defaults: { transport: 'ssh', user: 'root', port: 2222, keyFile: base.clientKey, knownHostsFile: base.knownHosts,
        shell: base.shell, connectTimeout: '10s', cloud: 'public', tags: ['lab'] },
      hosts: [],
    });
  });

  test('lists each host with only the inventory fields its state gives', () => {
    const doc = buildLabInventory({ ...base, transport: 'ssh-exec', hosts: [
      { name: 'fs01', address: '127.0.1.2', inventory: { cloud: 'china', tags: ['x'], vars: { a: 1 } } },
      { name: 'fs02', address: '127.0.1.3' },
    ] });
    expect((doc.defaults as { transport: string }).transport).toBe('ssh-exec');
    expect(doc.hosts).toEqual([
      { name: 'fs01', address: '127.0.1.2', cloud: 'china', tags: ['x'], vars: { a: 1 } },
      { name: 'fs02', address: '127.0.1.3' },
    ]);
  });
});
