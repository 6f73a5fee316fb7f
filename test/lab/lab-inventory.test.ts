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
        shell: base.shell, connectTimeout: '10s', cloud: 'public', tags: ['lab'], lab: true },
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

  const https = { port: 5986, useSsl: true, auth: 'ntlm' as const, user: 'labadmin', credentialEnv: 'FLEET_SCAN_LAB_PASSWORD', caFile: '/repo/.lab/ca/lab-ca.pem' };

  test('a WinRM host carries its transport, listener, logon, credential variable and CA; an ssh host beside it keeps the ssh defaults', () => {
    const doc = buildLabInventory({ ...base, hosts: [
      { name: 'fs01', address: '127.0.1.2' },
      { name: 'win01', address: '127.0.1.3', winrm: https, inventory: { cloud: 'usgov' } },
      { name: 'win02', address: '127.0.1.4', winrm: { port: 5985, useSsl: false, auth: 'ntlm', user: 'labadmin', credentialEnv: 'FLEET_SCAN_LAB_PASSWORD' } },
    ] });
    expect(doc.defaults).toMatchObject({ transport: 'ssh', keyFile: base.clientKey });
    expect(doc.hosts).toEqual([
      { name: 'fs01', address: '127.0.1.2' },
      { name: 'win01', address: '127.0.1.3', transport: 'winrm', ...https, cloud: 'usgov' },
      { name: 'win02', address: '127.0.1.4', transport: 'winrm', port: 5985, useSsl: false, auth: 'ntlm', user: 'labadmin', credentialEnv: 'FLEET_SCAN_LAB_PASSWORD' },
    ]);
  });

  test('an all-WinRM lab has no ssh key, known_hosts or shell in its defaults, and never a password', () => {
    const doc = buildLabInventory({ ...base, transport: 'winrm', hosts: [{ name: 'win01', address: '127.0.1.3', winrm: { ...https, certThumbprint: 'AB'.repeat(20) } }] });
    expect(doc.defaults).toEqual({ transport: 'winrm', connectTimeout: '10s', cloud: 'public', tags: ['lab'], lab: true });
    expect((doc.hosts as Record<string, unknown>[])[0]).toMatchObject({ certThumbprint: 'AB'.repeat(20) });
    expect(JSON.stringify(doc)).not.toMatch(/"password":/i);
  });
});
