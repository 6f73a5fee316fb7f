import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readConfigFile, resolveConfig } from '../../../src/lab/fake-winrm/config.js';

const host = { name: 'fs01', address: '127.0.0.2', dir: '/tmp', listeners: [{ port: 5985 }], account: { user: 'u', password: 'p' } };
const base = { pwsh: { dotnet: '/d', dll: '/p.dll' }, hosts: [host] };

describe('fake-winrm config', () => {
  test("defaults are Windows': Basic on, 30 shells per user, and a 30 s orphan timeout", () => {
    const r = resolveConfig(base);
    expect(r.ok && [r.value.hosts[0]!.basic, r.value.hosts[0]!.maxShellsPerUser, r.value.orphanTimeoutMs, r.value.env]).toEqual([true, 30, 30_000, {}]);
  });

  test('a host off loopback or with an unknown behaviour is refused with the field named', () => {
    expect(resolveConfig({ ...base, hosts: [{ ...host, address: '10.0.0.1' }] })).toMatchObject({ ok: false, message: expect.stringMatching(/^hosts\.0\.address: /) });
    expect(resolveConfig({ ...base, hosts: [{ ...host, behaviour: 'explodes' }] })).toMatchObject({ ok: false, message: expect.stringMatching(/^hosts\.0\.behaviour: /) });
  });

  test('a Kerberos host names its service principal as HTTP/<fqdn>; anything else is refused with the field named', () => {
    const ok = resolveConfig({ ...base, hosts: [{ ...host, kerberos: { service: 'HTTP/fs01.lab.test' } }] });
    expect(ok.ok && ok.value.hosts[0]!.kerberos).toEqual({ service: 'HTTP/fs01.lab.test' });
    for (const service of ['HTTP@fs01.lab.test', 'HOST/fs01.lab.test', 'HTTP/fs01.lab.test@LAB.TEST']) {
      expect(resolveConfig({ ...base, hosts: [{ ...host, kerberos: { service } }] })).toMatchObject({ ok: false, message: expect.stringMatching(/^hosts\.0\.kerberos\.service: /) });
    }
  });

  test('a file that is not JSON is named in one line', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'fw-config-')), 'config.json');
    writeFileSync(file, '{');
    const r = readConfigFile(file);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(new RegExp(`^${file}: `));
  });
});
