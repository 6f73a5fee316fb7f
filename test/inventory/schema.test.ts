import { describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/inventory/load.js';
import { resolvedHostSchema } from '../../src/inventory/schema.js';
import { problemsOf, tempFolder } from './temp-files.js';

const { write } = tempFolder();

const HOST_NAME = 'must be a host name (letters, digits, "-", "_" and dots) or an IP address';
const ADDRESS = 'must be a DNS name, an IPv4 or an IPv6 address (no spaces, no leading "-", no shell characters)';
const USER = 'must be a user name (letters, digits, ".", "_" or "-", up to 64, not starting with "-") or DOMAIN\\user';
const LOCAL_PATH = 'must be a file path without control characters, not starting with "-"';
const SHELL = 'must be a program path without control characters, shell characters (; & | < > $ ` " \' % ^ !) or a leading "-"';

// field, bad value, the exact message after `<file>: hosts[0] (web07).`
const BAD_FIELDS: [string, unknown, string][] = [
  ['port', 70000, 'port: must be 1-65535, got 70000'],
  ['port', 0, 'port: must be 1-65535, got 0'],
  ['port', 22.5, 'port: must be 1-65535, got 22.5'],
  ['port', '22', 'port: must be 1-65535, got "22"'],
  ['transport', 'rdp', 'transport: must be one of ssh, ssh-exec, winrm, local, got "rdp"'],
  ['address', 'a;rm -rf /', `address: ${ADDRESS}, got "a;rm -rf /"`],
  ['address', '-oProxyCommand=touch /tmp/x', `address: ${ADDRESS}, got "-oProxyCommand=touch /tmp/x"`],
  ['address', '$(x)', `address: ${ADDRESS}, got "$(x)"`],
  ['address', 'fs 01', `address: ${ADDRESS}, got "fs 01"`],
  ['address', 'fs01\nevil', `address: ${ADDRESS}, got "fs01\\nevil"`],
  ['address', '-fs01', `address: ${ADDRESS}, got "-fs01"`],
  ['user', '-oProxyCommand=x', `user: ${USER}, got "-oProxyCommand=x"`],
  ['user', 'svc;id', `user: ${USER}, got "svc;id"`],
  ['user', '$(whoami)', `user: ${USER}, got "$(whoami)"`],
  ['user', 'svc scan', `user: ${USER}, got "svc scan"`],
  ['user', 'a'.repeat(65), `user: ${USER}, got "${'a'.repeat(55)}..."`],
  ['keyFile', '-oProxyCommand=x', `keyFile: ${LOCAL_PATH}, got "-oProxyCommand=x"`],
  ['keyFile', 'id\nrsa', `keyFile: ${LOCAL_PATH}, got "id\\nrsa"`],
  ['knownHostsFile', '-F/dev/null', `knownHostsFile: ${LOCAL_PATH}, got "-F/dev/null"`],
  ['shell', 'powershell.exe & calc', `shell: ${SHELL}, got "powershell.exe & calc"`],
  ['shell', '-c', `shell: ${SHELL}, got "-c"`],
  ['subsystem', 'power shell', 'subsystem: must be an ssh subsystem name (letters, digits, ".", "_" or "-", up to 64), got "power shell"'],
  // Most likely the password itself: never repeated back.
  ['credentialEnv', 'hunter2 is my password', 'credentialEnv: must be the NAME of an environment variable (letters, digits and "_", not starting with a digit); the value is not shown'],
  ['credentialEnv', '1PASS', 'credentialEnv: must be the NAME of an environment variable (letters, digits and "_", not starting with a digit); the value is not shown'],
  ['useSsl', 'yes', 'useSsl: must be true or false, got "yes"'],
  ['connectTimeout', '15 parsecs', 'connectTimeout: must be a duration up to 10m like 500ms, 15s or 2m, or a number of seconds, got "15 parsecs"'],
  ['connectTimeout', 15000, 'connectTimeout: must be a duration up to 10m like 500ms, 15s or 2m, or a number of seconds, got 15000'],
  ['connectTimeout', 0, 'connectTimeout: must be a duration up to 10m like 500ms, 15s or 2m, or a number of seconds, got 0'],
  ['cloud', 'mars', 'cloud: must be one of public, china, usgov (or AzureCloud, AzureChinaCloud, AzureUSGovernment, mooncake, fairfax), got "mars"'],
  ['tags', 'prod', 'tags: must be a list of tags, got "prod"'],
  ['tags', ['prod', 'two words'], 'tags[1]: must be a tag (letters, digits, ".", "_", ":", "/" or "-", up to 64), got "two words"'],
  ['vars', [], 'vars: must be an object of variables, got an empty list'],
  ['vars', { 'vault name': 'x' }, 'vars.vault name: must be a variable name (letters, digits and "_", up to 64, not starting with a digit), got "vault name"'],
  ['comment', 42, 'comment: must be a string, got 42'],
  // A site names shard files (fleet-scan-<run>-<site>-shard-1of4.json): nothing a file name cannot hold.
  ['site', 'paris/nord', 'site: must be a site name (letters, digits, ".", "_" or "-", up to 64, starting with a letter or digit), got "paris/nord"'],
  ['site', '-paris', 'site: must be a site name (letters, digits, ".", "_" or "-", up to 64, starting with a letter or digit), got "-paris"'],
  ['auth', 'credssp', 'auth: must be ntlm, basic or kerberos, got "credssp"'],
  // The host part of HTTP/<spnHost>: a DNS name, never a principal or a path.
  ['spnHost', 'HTTP/fs01.corp.example', 'spnHost: must be a DNS name (the host part of the service principal HTTP/<spnHost>), got "HTTP/fs01.corp.example"'],
  ['spnHost', 'fs01 .corp', 'spnHost: must be a DNS name (the host part of the service principal HTTP/<spnHost>), got "fs01 .corp"'],
];

describe('inventory schema', () => {
  it.each(BAD_FIELDS)('a host whose %s is %j is refused with one exact line', async (field, value, message) => {
    const file = write('field.json', { hosts: [{ name: 'web07', [field]: value }] });
    expect(await problemsOf(loadInventory(file))).toEqual([`${file}: hosts[0] (web07).${message}`]);
  });

  it.each([
    ['a;rm -rf /'], ['$(reboot)'], ['-oProxyCommand=x'], ['two words'], ['fs01\n'], [''],
  ])('a host name like %j is refused and the entry is named by index only', async (name) => {
    const file = write('name.json', { hosts: [{ name }] });
    expect(await problemsOf(loadInventory(file))).toEqual([`${file}: hosts[0].name: ${HOST_NAME}, got ${JSON.stringify(name)}`]);
  });

  it('a host without a name is refused', async () => {
    const file = write('noname.json', { hosts: [{ address: '10.0.0.5' }] });
    expect(await problemsOf(loadInventory(file))).toEqual([`${file}: hosts[0].name: is required`]);
  });

  it('the same rules apply to defaults, named as defaults', async () => {
    const file = write('defaults.json', { defaults: { port: 99999, user: '-l root' }, hosts: [{ name: 'fs01' }] });
    expect(await problemsOf(loadInventory(file))).toEqual([
      `${file}: defaults.user: ${USER}, got "-l root"`,
      `${file}: defaults.port: must be 1-65535, got 99999`,
    ]);
  });

  it('the top level checks the inventory name and the hosts list', async () => {
    const file = write('top.json', { name: 'prod rollout!', hosts: [] });
    expect(await problemsOf(loadInventory(file))).toEqual([
      `${file}: name: must be letters, digits, ".", "_" or "-" (up to 128), starting with a letter or digit, got "prod rollout!"`,
      `${file}: hosts: must be a non-empty list of hosts, got an empty list`,
    ]);
  });

  it('a host that is not an object is refused by its index', async () => {
    const file = write('scalar.json', { hosts: [{ name: 'fs01' }, 'fs02'] });
    expect(await problemsOf(loadInventory(file))).toEqual([`${file}: hosts[1]: must be an object with at least a name, got "fs02"`]);
  });

  it('unknown fields are errors everywhere, with the closest known name suggested', async () => {
    const file = write('typos.json', {
      hsots: [], defaults: { prot: 22 }, hosts: [{ name: 'fs01', adress: '10.0.0.5', zzzzzz: 1 }],
    });
    expect(await problemsOf(loadInventory(file))).toEqual([
      `${file}: defaults: unknown field "prot" (did you mean "port"?)`,
      `${file}: hosts[0] (fs01): unknown field "adress" (did you mean "address"?)`,
      `${file}: hosts[0] (fs01): unknown field "zzzzzz"`,
      `${file}: unknown field "hsots" (did you mean "hosts"?)`,
    ]);
  });

  it('DOMAIN\\user, dotted users, IPv4 and IPv6 addresses and Windows paths are accepted', async () => {
    const file = write('good.json', {
      hosts: [
        { name: 'fs01', address: '10.0.0.5', user: 'CONTOSO\\svc-scan', keyFile: 'C:\\Keys\\id_ed25519' },
        { name: 'fs02', address: 'fe80::1', user: 'svc.scan_01', shell: 'C:\\Program Files\\PowerShell\\7\\pwsh.exe' },
        { name: 'fs03.contoso.local', user: 'Administrator' },
      ],
    });
    const inventory = await loadInventory(file);
    expect(inventory.hosts.map((host) => [host.address, host.user])).toEqual([
      ['10.0.0.5', 'CONTOSO\\svc-scan'], ['fe80::1', 'svc.scan_01'], ['fs03.contoso.local', 'Administrator'],
    ]);
  });

  it('a Kerberos host needs no user or credentialEnv, and keeps its own spnHost (defaults cannot give one to every host)', async () => {
    const file = write('kerberos.json', {
      defaults: { transport: 'winrm', auth: 'kerberos' },
      hosts: [{ name: 'fs01', address: '10.0.0.5', spnHost: 'fs01.contoso.local' }, { name: 'fs02.contoso.local' }],
    });
    const { hosts } = await loadInventory(file);
    expect(hosts.map((h) => [h.auth, h.spnHost, h.user, h.credentialEnv])).toEqual([
      ['kerberos', 'fs01.contoso.local', undefined, undefined], ['kerberos', undefined, undefined, undefined],
    ]);
    for (const host of hosts) expect(resolvedHostSchema.safeParse(host).success).toBe(true);
    const bad = write('kerberos-defaults.json', { defaults: { spnHost: 'fs01.contoso.local' }, hosts: [{ name: 'fs01' }] });
    expect(await problemsOf(loadInventory(bad))).toEqual([`${bad}: defaults: unknown field "spnHost"`]);
  });

  it('every loaded host matches the resolved host schema', async () => {
    const file = write('resolved.json', {
      defaults: { vars: { vaultRegion: 'westeurope' } },
      hosts: [{ name: 'fs01' }, { name: 'fs02', transport: 'winrm', credentialEnv: 'WINRM_PW' }, { name: 'me', transport: 'local' }],
    });
    const { hosts } = await loadInventory(file);
    for (const host of hosts) expect(resolvedHostSchema.safeParse(host).success).toBe(true);
  });
});
