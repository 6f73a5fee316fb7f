import { homedir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/inventory/load.js';
import { tempFolder } from './temp-files.js';

const { dir, write } = tempFolder();

describe('resolving hosts against defaults', () => {
  it('a host gets every default it does not set, and the address defaults to the name', async () => {
    const file = write('defaults.json', {
      defaults: { transport: 'ssh-exec', user: 'svc-scan', connectTimeout: '30s', shell: 'pwsh.exe', subsystem: 'pwsh', cloud: 'china' },
      hosts: [{ name: 'fs01' }, { name: 'fs02', address: '10.0.0.2', user: 'other', connectTimeout: 5, cloud: 'usgov' }],
    });
    const { hosts } = await loadInventory(file);
    expect(hosts[0]).toEqual({
      name: 'fs01', address: 'fs01', transport: 'ssh-exec', user: 'svc-scan', port: 22, shell: 'pwsh.exe', subsystem: 'pwsh',
      useSsl: true, auth: 'ntlm', skipCertificateCheck: false, lab: false, cloud: 'china', tags: [], connectTimeoutMs: 30_000, vars: {},
    });
    expect(hosts[1]).toMatchObject({ address: '10.0.0.2', user: 'other', connectTimeoutMs: 5000, cloud: 'usgov' });
  });

  it('without any defaults a host is reached over ssh on port 22 with powershell.exe and a 15s connect timeout', async () => {
    const file = write('bare.json', { hosts: [{ name: 'fs01', cloud: 'public' }] });
    const [host] = (await loadInventory(file)).hosts;
    expect(host).toEqual({
      name: 'fs01', address: 'fs01', transport: 'ssh', port: 22, shell: 'powershell.exe', subsystem: 'powershell',
      useSsl: true, auth: 'ntlm', skipCertificateCheck: false, lab: false, cloud: 'public', tags: [], connectTimeoutMs: 15_000, vars: {},
    });
  });

  it('hosts are plain fast objects, not hash tables, so 5,000 of them stay small for the whole run', async () => {
    setFlagsFromString('--allow-natives-syntax');
    const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;
    const file = write('shapes.json', {
      defaults: { cloud: 'public', credentialEnv: 'FS_PW' },
      hosts: [{ name: 'fs01' }, { name: 'fs02', user: 'svc', site: 'lyon' }, { name: 'fs03', spnHost: 'fs03.corp' }],
    });
    const { hosts } = await loadInventory(file);
    expect(hosts.map(hasFastProperties)).toEqual([true, true, true]);
    expect(Object.keys(hosts[0]!)).not.toContain('user');
    expect(hosts[1]).toMatchObject({ user: 'svc', site: 'lyon', credentialEnv: 'FS_PW' });
  });

  it('a host is in the site it names, else in the site of the defaults, else in none', async () => {
    const file = write('sites.json', {
      defaults: { cloud: 'public', site: 'paris' },
      hosts: [{ name: 'fs01' }, { name: 'fs02', site: 'lyon-dmz' }],
    });
    expect((await loadInventory(file)).hosts.map((h) => h.site)).toEqual(['paris', 'lyon-dmz']);
    const bare = write('no-site.json', { hosts: [{ name: 'fs01', cloud: 'public' }] });
    expect((await loadInventory(bare)).hosts[0]).not.toHaveProperty('site');
  });

  it('tags from defaults and host are merged without repeats', async () => {
    const file = write('tags.json', { defaults: { tags: ['prod', 'files'] }, hosts: [{ name: 'fs01', cloud: 'public', tags: ['files', 'eu'] }] });
    expect((await loadInventory(file)).hosts[0]?.tags).toEqual(['prod', 'files', 'eu']);
  });

  it('host vars are merged over default vars one level deep', async () => {
    const file = write('vars.json', {
      defaults: { cloud: 'public', vars: { vaultName: 'rsv-a', proxy: { host: 'p1', port: 8080 } } },
      hosts: [{ name: 'fs01', vars: { proxy: { host: 'p2' }, plannedBackupBytes: 10 } }],
    });
    expect((await loadInventory(file)).hosts[0]?.vars).toEqual({ vaultName: 'rsv-a', proxy: { host: 'p2' }, plannedBackupBytes: 10 });
  });

  it('winrm uses 5986 with useSsl (the default) and 5985 without; local has no port', async () => {
    const file = write('winrm.json', {
      defaults: { cloud: 'public' },
      hosts: [
        { name: 'w1', transport: 'winrm' }, { name: 'w2', transport: 'winrm', useSsl: false },
        { name: 'w3', transport: 'winrm', port: 15986 }, { name: 'me', transport: 'local' },
      ],
    });
    expect((await loadInventory(file)).hosts.map((host) => host.port)).toEqual([5986, 5985, 15986, 0]);
  });

  it('a port in defaults applies to hosts of the same kind of transport only', async () => {
    const file = write('ports.json', {
      defaults: { transport: 'ssh', port: 2222, cloud: 'public' },
      hosts: [{ name: 's1' }, { name: 's2', transport: 'ssh-exec' }, { name: 'w1', transport: 'winrm' }],
    });
    expect((await loadInventory(file)).hosts.map((host) => host.port)).toEqual([2222, 2222, 5986]);
  });

  it('~ in keyFile and knownHostsFile is the home folder and relative paths are relative to the inventory', async () => {
    const file = write('paths.json', {
      defaults: { keyFile: '~/.ssh/id_ed25519', knownHostsFile: 'keys/known_hosts', cloud: 'public' },
      hosts: [{ name: 'fs01' }, { name: 'fs02', keyFile: '/etc/fleet/key' }],
    });
    const { hosts } = await loadInventory(file);
    expect(hosts[0]).toMatchObject({ keyFile: join(homedir(), '.ssh/id_ed25519'), knownHostsFile: join(dir, 'keys/known_hosts') });
    expect(hosts[1]?.keyFile).toBe('/etc/fleet/key');
  });

  it('a missing cloud is inferred from vars.vaultRegion with a warning', async () => {
    const file = write('infer.json', {
      hosts: [
        { name: 'cn01', vars: { vaultRegion: 'chinanorth2' } }, { name: 'gov01', vars: { vaultRegion: 'usgovvirginia' } },
        { name: 'dod01', vars: { vaultRegion: 'usdodeast' } }, { name: 'eu01', vars: { vaultRegion: 'westeurope' } },
      ],
    });
    const inventory = await loadInventory(file);
    expect(inventory.hosts.map((host) => host.cloud)).toEqual(['china', 'usgov', 'usgov', 'public']);
    expect(inventory.warnings).toEqual([
      `${file}: hosts[0] (cn01): cloud inferred from region "chinanorth2": china`,
      `${file}: hosts[1] (gov01): cloud inferred from region "usgovvirginia": usgov`,
      `${file}: hosts[2] (dod01): cloud inferred from region "usdodeast": usgov`,
      `${file}: hosts[3] (eu01): cloud inferred from region "westeurope": public`,
    ]);
  });

  it('with neither cloud nor region the cloud is public with a warning', async () => {
    const file = write('assume.json', { hosts: [{ name: 'fs01' }] });
    const inventory = await loadInventory(file);
    expect(inventory.hosts[0]?.cloud).toBe('public');
    expect(inventory.warnings).toEqual([`${file}: hosts[0] (fs01): no cloud and no vars.vaultRegion; assuming public`]);
  });

  it('a cloud that contradicts the vault region is kept, with a warning', async () => {
    const file = write('mismatch.json', { hosts: [{ name: 'fs01', cloud: 'public', vars: { vaultRegion: 'chinaeast2' } }] });
    const inventory = await loadInventory(file);
    expect(inventory.hosts[0]?.cloud).toBe('public');
    expect(inventory.warnings).toEqual([`${file}: hosts[0] (fs01): cloud is public but vars.vaultRegion "chinaeast2" looks like a china region`]);
  });

  it('more than ten warnings of one kind end with a count instead of more lines', async () => {
    const hosts = Array.from({ length: 13 }, (_, index) => ({ name: `fs${index}` }));
    const inventory = await loadInventory(write('many.json', { hosts }));
    expect(inventory.warnings).toHaveLength(11);
    expect(inventory.warnings[10]).toMatch(/: \.\.\. and 3 more like the above$/);
  });

  it('the pack vars validator sees each host\'s merged vars and its problems name the host', async () => {
    const file = write('pack.json', {
      defaults: { cloud: 'public', vars: { vaultName: 'rsv-a' } },
      hosts: [{ name: 'fs01', vars: { plannedBackupBytes: 'lots' } }, { name: 'fs02', vars: { plannedBackupBytes: 5 } }],
    });
    const seen: unknown[] = [];
    const validateVars = (vars: Record<string, unknown>): string[] => {
      seen.push(vars);
      const problems = typeof vars['plannedBackupBytes'] === 'number' ? [] : ['plannedBackupBytes: must be a number of bytes'];
      return vars['vaultRegion'] === undefined ? [...problems, 'no vaultRegion: network checks will skip'] : problems;
    };
    const error = await loadInventory(file, { validateVars }).catch((caught: unknown) => caught);
    expect(seen).toEqual([{ vaultName: 'rsv-a', plannedBackupBytes: 'lots' }, { vaultName: 'rsv-a', plannedBackupBytes: 5 }]);
    expect((error as { problems: string[] }).problems).toEqual([
      `${file}: hosts[0] (fs01).vars.plannedBackupBytes: must be a number of bytes`,
      `${file}: hosts[0] (fs01).vars: no vaultRegion: network checks will skip`,
      `${file}: hosts[1] (fs02).vars: no vaultRegion: network checks will skip`,
    ]);
  });
});
