import { describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/inventory/load.js';
import { problemsOf, tempFolder } from './temp-files.js';

const { write } = tempFolder();

describe('CSV inventories', () => {
  it('reads a header row and one host a row; empty cells are not set', async () => {
    const file = write('hosts.csv', [
      'name,address,transport,user,port,cloud,tags,connectTimeout',
      'fs01,10.0.0.5,ssh-exec,svc-scan,2222,AzureChinaCloud,prod;files,30s',
      'fs02,,,,,public,,',
    ].join('\n'));
    const { hosts, warnings } = await loadInventory(file);
    expect(hosts[0]).toMatchObject({
      name: 'fs01', address: '10.0.0.5', transport: 'ssh-exec', user: 'svc-scan', port: 2222, cloud: 'china',
      tags: ['prod', 'files'], connectTimeoutMs: 30_000,
    });
    expect(hosts[1]).toMatchObject({ name: 'fs02', address: 'fs02', transport: 'ssh', port: 22, tags: [] });
    expect(hosts[1]).not.toHaveProperty('user');
    expect(warnings).toEqual([]);
  });

  it('handles the UTF-8 BOM and ; delimiter Excel writes, with | between tags and case-insensitive headers', async () => {
    const file = write('excel.csv', '\uFEFFName;Address;Tags;Cloud\r\nfs01;10.0.0.5;prod|files;public\r\n');
    const { hosts } = await loadInventory(file);
    expect(hosts).toHaveLength(1);
    expect(hosts[0]).toMatchObject({ name: 'fs01', address: '10.0.0.5', tags: ['prod', 'files'] });
  });

  it('reads a UTF-16 file with a BOM, as Excel saves "Unicode text"', async () => {
    const text = '\uFEFFname\tcloud\r\nfs01\tpublic\r\n';
    const file = write('unicode.csv', Buffer.from(text, 'utf16le'));
    expect((await loadInventory(file)).hosts.map((host) => host.name)).toEqual(['fs01']);
  });

  it('var.<name> columns become vars, with numbers, booleans and JSON cells typed', async () => {
    const file = write('vars.csv', [
      'name,cloud,var.vaultName,var.plannedBackupBytes,var.systemStateBackup,var.proxy,var.vaultGeoCode',
      'fs01,public,rsv-files,2199023255552,TRUE,"{""host"":""proxy"",""port"":8080}",007',
    ].join('\n'));
    expect((await loadInventory(file)).hosts[0]?.vars).toEqual({
      vaultName: 'rsv-files', plannedBackupBytes: 2199023255552, systemStateBackup: true, proxy: { host: 'proxy', port: 8080 },
      vaultGeoCode: '007',
    });
  });

  it('a --defaults file gives CSV hosts their defaults, name and relative paths', async () => {
    const defaults = write('fleet-defaults.json', { name: 'csv-fleet', defaults: { user: 'svc', cloud: 'usgov', tags: ['prod'] } });
    const file = write('with-defaults.csv', 'name,tags\nfs01,files\n');
    const inventory = await loadInventory(file, { defaultsPath: defaults });
    expect(inventory.key).toBe('csv-fleet');
    expect(inventory.hosts[0]).toMatchObject({ user: 'svc', cloud: 'usgov', tags: ['prod', 'files'] });
  });

  it('bad rows are named by their row number in Excel, and every problem is reported', async () => {
    const file = write('bad.csv', [
      'name,transport,port,cloud', // row 1
      'web01,ssh,22,public', // row 2
      '', // row 3: skipped
      'web09,rdp,70000,public', // row 4
      '"web10","ssh","abc","mars"', // row 5
      'bad host,ssh,22,public', // row 6
    ].join('\n'));
    expect(await problemsOf(loadInventory(file))).toEqual([
      `${file}: row 4 (web09).transport: must be one of ssh, ssh-exec, winrm, local, got "rdp"`,
      `${file}: row 4 (web09).port: must be 1-65535, got 70000`,
      `${file}: row 5 (web10).port: must be 1-65535, got "abc"`,
      `${file}: row 5 (web10).cloud: must be one of public, china, usgov (or AzureCloud, AzureChinaCloud, AzureUSGovernment, mooncake, fairfax), got "mars"`,
      `${file}: row 6.name: must be a host name (letters, digits, "-", "_" and dots) or an IP address, got "bad host"`,
    ]);
  });

  it('a row after a cell that spans lines keeps the row number Excel shows', async () => {
    const file = write('multiline.csv', 'name,comment,port\nfs01,"two\nlines",22\nfs02,,0\n');
    expect(await problemsOf(loadInventory(file))).toEqual([`${file}: row 4 (fs02).port: must be 1-65535, got 0`]);
  });

  it('unknown, duplicate and unnamed-but-filled columns are errors; a var column needs a valid name', async () => {
    const file = write('columns.csv', 'name,adress,Name,var.bad-name,cloud\nfs01,x,y,z,public,extra\n');
    expect(await problemsOf(loadInventory(file))).toEqual([
      `${file}: unknown column "adress" (did you mean "address"?)`,
      `${file}: column "Name": appears twice (columns 1 and 3)`,
      `${file}: column "var.bad-name": must be a variable name (letters, digits and "_", up to 64, not starting with a digit) after "var.", got "bad-name"`,
      `${file}: row 2 (fs01): has a value in column 6, which has no header`,
    ]);
  });

  it('a CSV without a name column says which columns exist', async () => {
    const file = write('noname.csv', 'host,address\nfs01,10.0.0.1\n');
    const problems = await problemsOf(loadInventory(file));
    expect(problems[0]).toBe(`${file}: no "name" column (the header row names the columns: comment, name, address, spnHost, transport, user, port, keyFile, knownHostsFile, connectTimeout, cloud, tags, shell, subsystem, credentialEnv, useSsl, auth, caFile, certThumbprint, skipCertificateCheck, lab, site, var.<name>)`);
  });

  it('duplicate names in a CSV point at the first row', async () => {
    const file = write('dupes.csv', 'name,cloud\nfs01,public\nFS01,public\n');
    expect(await problemsOf(loadInventory(file))).toEqual([`${file}: row 3 (FS01).name: duplicate of row 2`]);
  });

  it('a broken quote is reported as invalid CSV on one line', async () => {
    const file = write('quote.csv', 'name,cloud\n"fs01,public\n');
    const problems = await problemsOf(loadInventory(file));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: invalid CSV: [^\\n]+$`));
  });

  it('secret columns and key material in cells are refused without showing the value', async () => {
    const file = write('secrets.csv', 'name,password,var.apiKey,var.note\nfs01,hunter2,abc,"-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----"\n');
    const problems = await problemsOf(loadInventory(file));
    expect(problems).toEqual([`${file}: line 2: looks like private key material; inventories hold no secrets (give the key file's path in keyFile)`]);
    const withoutKey = write('secret-columns.csv', 'name,password,var.apiKey\nfs01,hunter2,abc\n');
    const columnProblems = await problemsOf(loadInventory(withoutKey));
    expect(columnProblems).toEqual([
      `${withoutKey}: column "password": looks like a secret; inventories hold no secrets (a WinRM password comes from the environment variable named by credentialEnv)`,
      `${withoutKey}: column "var.apiKey": looks like a secret; inventories hold no secrets (a WinRM password comes from the environment variable named by credentialEnv)`,
    ]);
    expect(columnProblems.join('\n')).not.toContain('hunter2');
  });

  it('a CSV with only a header row lists no hosts, which is an error; an empty one has no header', async () => {
    const headerOnly = write('header-only.csv', 'name,address\n');
    expect(await problemsOf(loadInventory(headerOnly))).toEqual([`${headerOnly}: lists no hosts`]);
    const empty = write('empty.csv', '');
    expect(await problemsOf(loadInventory(empty))).toEqual([`${empty}: is empty (expected a header row: name, address, transport, ...)`]);
  });
});
