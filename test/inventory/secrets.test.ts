import { describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/inventory/load.js';
import { findSecrets, isKeyMaterial, isSecretName } from '../../src/inventory/secrets.js';
import { problemsOf, tempFolder } from './temp-files.js';

const { write } = tempFolder();

const NAME = 'looks like a secret; inventories hold no secrets (a WinRM password comes from the environment variable named by credentialEnv)';
const KEY = 'looks like private key material; inventories hold no secrets (give the key file\'s path in keyFile)';
const PRIVATE_KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n';

describe('secrets', () => {
  it.each(['password', 'Password', 'passwd', 'pwd', 'winrmPassword', 'secret', 'clientSecret', 'token', 'sasToken', 'apiKey',
    'api_key', 'privateKey', 'credential', 'credentials', 'vaultCredentials', 'passphrase', 'storageAccountKey', 'connectionString'])(
    '%s is a secret-looking field name', (name) => {
      expect(isSecretName(name)).toBe(true);
    });

  it.each(['credentialEnv', 'vaultCredentialsPath', 'keyFile', 'privateKeyFile', 'knownHostsFile', 'user', 'vaultName', 'tokenEnv'])(
    '%s points at a secret or is no secret, so it is allowed', (name) => {
      expect(isSecretName(name)).toBe(false);
    });

  it('private key blocks are key material; public keys are not', () => {
    expect(isKeyMaterial(PRIVATE_KEY)).toBe(true);
    expect(isKeyMaterial('-----BEGIN RSA PRIVATE KEY-----\nMIIE')).toBe(true);
    expect(isKeyMaterial('-----BEGIN ENCRYPTED PRIVATE KEY-----')).toBe(true);
    expect(isKeyMaterial('PuTTY-User-Key-File-3: ssh-ed25519')).toBe(true);
    expect(isKeyMaterial('DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abc==')).toBe(true);
    expect(isKeyMaterial('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl admin@host')).toBe(false);
    expect(isKeyMaterial('-----BEGIN PUBLIC KEY-----')).toBe(false);
  });

  it('finds secret names and key material at any depth, and does not look inside a secret-named field', () => {
    expect(findSecrets({ a: [{ b: { password: { token: 1 } } }, PRIVATE_KEY], credentialEnv: 'X' })).toEqual([
      { path: ['a', 0, 'b', 'password'], kind: 'name' },
      { path: ['a', 1], kind: 'value' },
    ]);
  });

  it('a secret field anywhere in a JSON inventory is refused, the value never shown', async () => {
    const file = write('secrets.json', {
      password: 'hunter2',
      defaults: { vars: { storagePassword: 'hunter3' } },
      hosts: [{ name: 'fs01', secret: 'hunter4', vars: { proxy: { host: 'p', apiKey: 'hunter5' } } }],
    });
    const problems = await problemsOf(loadInventory(file));
    expect(problems).toEqual([
      `${file}: password: ${NAME}`,
      `${file}: defaults.vars.storagePassword: ${NAME}`,
      `${file}: hosts[0] (fs01).secret: ${NAME}`,
      `${file}: hosts[0] (fs01).vars.proxy.apiKey: ${NAME}`,
    ]);
    expect(problems.join('\n')).not.toMatch(/hunter/);
  });

  it('key material in any string, inside vars too, is refused and never shown', async () => {
    const file = write('key.json', { hosts: [{ name: 'fs01', user: PRIVATE_KEY, vars: { notes: [PRIVATE_KEY] } }] });
    const problems = await problemsOf(loadInventory(file));
    expect(problems).toEqual([`${file}: hosts[0] (fs01).user: ${KEY}`, `${file}: hosts[0] (fs01).vars.notes[0]: ${KEY}`]);
    expect(problems.join('\n')).not.toContain('b3Blbn');
  });

  it('a host holding a secret is never handed to the pack vars validator', async () => {
    const file = write('no-pass.json', { hosts: [{ name: 'fs01', vars: { vaultPassword: 'hunter2' } }] });
    let called = false;
    await problemsOf(loadInventory(file, { validateVars: () => { called = true; return []; } }));
    expect(called).toBe(false);
  });
});
