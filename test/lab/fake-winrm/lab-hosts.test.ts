import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { readConfigFile } from '../../../src/lab/fake-winrm/config.js';
import { ensureLabPassword, fakeWinrmEnv, LAB_WINRM_USER, prepareWinrmHosts } from '../../../src/lab/fake-winrm/lab-hosts.js';

const pwsh = { dotnet: '/usr/bin/dotnet', dll: '/x/pwsh.dll' };

describe('prepareWinrmHosts', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fw-labhosts-'));
  const state = path.join(dir, 'state-src.json');
  writeFileSync(state, '{"id":"fs01"}');

  test('writes a 0600 config naming both listeners, the account, the staged state and the marker, and copies the state', async () => {
    const lab = await prepareWinrmHosts(dir, [
      { name: 'fs01', address: '127.0.190.2', state, winrm: {} },
      { name: 'bad', address: '127.0.190.3', winrm: { behaviour: 'wrong-password', useSsl: false } },
    ], pwsh, { FLEET_SCAN_LAB: dir });
    expect(statSync(lab.configFile).mode & 0o777).toBe(0o600);
    const config = readConfigFile(lab.configFile);
    expect(config.ok).toBe(true);
    if (!config.ok) return;
    const [fs01, bad] = config.value.hosts;
    expect(fs01).toMatchObject({
      name: 'fs01', address: '127.0.190.2', stateFile: path.join(dir, 'hosts', 'fs01', 'state.json'),
      listeners: [{ port: 5985 }, { port: 5986, tls: { certFile: lab.hosts[0]!.certFile, keyFile: lab.hosts[0]!.keyFile } }],
      account: { user: LAB_WINRM_USER, password: ensureLabPassword(dir).password },
    });
    expect(readFileSync(fs01!.stateFile!, 'utf8')).toBe('{"id":"fs01"}');
    expect(bad!.account.password).not.toBe(ensureLabPassword(dir).password);
    expect(config.value.env).toEqual({ FLEET_SCAN_LAB: dir });
    expect(lab.hosts.map((h) => h.spec)).toEqual([
      { useSsl: true, auth: 'ntlm', pin: false, behaviour: undefined }, { useSsl: false, auth: 'ntlm', pin: false, behaviour: 'wrong-password' },
    ]);
  });

  test('a bad-certificate host gets a certificate the lab CA did not sign; the others get the lab CA\'s', async () => {
    const lab = await prepareWinrmHosts(dir, [
      { name: 'good', address: '127.0.190.4', winrm: {} }, { name: 'rogue', address: '127.0.190.5', winrm: { behaviour: 'bad-certificate' } },
    ], pwsh, {});
    const caKey = new X509Certificate(readFileSync(lab.caFile)).publicKey;
    const [good, rogue] = lab.hosts.map((h) => new X509Certificate(readFileSync(h.certFile)));
    expect([good!.verify(caKey), rogue!.verify(caKey), rogue!.subjectAltName]).toEqual([true, false, 'IP Address:127.0.190.5, DNS:rogue']);
  });

  test('the lab password is made once, kept in a 0600 file, and the same on every call', () => {
    const first = ensureLabPassword(dir);
    expect(ensureLabPassword(dir)).toEqual(first);
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    expect(first.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
  });

  test('fake-winrm runs with the lab marker and only what pwsh needs of our environment', () => {
    const env = fakeWinrmEnv('/lab', 'FLEET_SCAN_LAB');
    expect(env.FLEET_SCAN_LAB).toBe('/lab');
    expect(Object.keys(env).every((k) => ['PATH', 'HOME', 'USER', 'LANG', 'FLEET_SCAN_LAB'].includes(k))).toBe(true);
  });
});
