import { describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/inventory/load.js';
import { problemsOf, tempFolder } from './temp-files.js';

const { write } = tempFolder();

describe('text list inventories', () => {
  it('reads one host a line, ignoring # comments and blank lines', async () => {
    const file = write('hosts.txt', '# file servers\nfs01\n\n  fs02.contoso.local   # the big one\r\n10.0.0.7\n');
    const { hosts } = await loadInventory(file);
    expect(hosts.map((host) => [host.name, host.address, host.transport])).toEqual([
      ['fs01', 'fs01', 'ssh'], ['fs02.contoso.local', 'fs02.contoso.local', 'ssh'], ['10.0.0.7', '10.0.0.7', 'ssh'],
    ]);
  });

  it('.list files are text lists too, and take defaults from --defaults', async () => {
    const defaults = write('defaults.json', { defaults: { transport: 'ssh-exec', cloud: 'china', vars: { vaultName: 'rsv-cn' } } });
    const file = write('hosts.list', 'cn01\n');
    const [host] = (await loadInventory(file, { defaultsPath: defaults })).hosts;
    expect(host).toMatchObject({ transport: 'ssh-exec', cloud: 'china', vars: { vaultName: 'rsv-cn' } });
  });

  it('a bad line is named by its line number and every bad line is reported', async () => {
    const file = write('bad.txt', 'fs01\nfs01 10.0.0.1\n\n-oProxyCommand=sh\nfs01;reboot\nFS01\n');
    const rule = 'must be a host name (letters, digits, "-", "_" and dots) or an IP address';
    expect(await problemsOf(loadInventory(file))).toEqual([
      `${file}: line 2: ${rule}, got "fs01 10.0.0.1"`,
      `${file}: line 4: ${rule}, got "-oProxyCommand=sh"`,
      `${file}: line 5: ${rule}, got "fs01;reboot"`,
      `${file}: line 6 (FS01).name: duplicate of line 1`,
    ]);
  });

  it('a pasted private key is refused by line without echoing any of it', async () => {
    const file = write('key.txt', 'fs01\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA+/x\n-----END OPENSSH PRIVATE KEY-----\n');
    const problems = await problemsOf(loadInventory(file));
    expect(problems).toEqual([`${file}: line 2: looks like private key material; inventories hold no secrets (give the key file's path in keyFile)`]);
  });

  it('problems in the --defaults file name that file', async () => {
    const defaults = write('bad-defaults.json', { defaults: { port: 0, transprot: 'ssh' } });
    const file = write('ok.txt', 'fs01\n');
    expect(await problemsOf(loadInventory(file, { defaultsPath: defaults }))).toEqual([
      `${defaults}: defaults.port: must be 1-65535, got 0`,
      `${defaults}: defaults: unknown field "transprot" (did you mean "transport"?)`,
    ]);
  });

  it('a list with only comments and blank lines lists no hosts, which is an error', async () => {
    const file = write('only-comments.txt', '# nothing yet\n\n');
    expect(await problemsOf(loadInventory(file))).toEqual([`${file}: lists no hosts`]);
  });
});
