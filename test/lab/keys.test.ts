import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ensureKeyPair, knownHostsLine, publicKeyOf } from '../../src/lab/keys.js';

const root = mkdtempSync(path.join(tmpdir(), 'fleet-scan-keys-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('lab keys', () => {
  test('ensureKeyPair makes an unencrypted ed25519 pair with a private file only the owner can read', async () => {
    const key = path.join(root, 'id');
    await ensureKeyPair(key, 'test key');
    expect(readFileSync(key, 'utf8')).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----/);
    expect(statSync(key).mode & 0o077).toBe(0);
    expect(publicKeyOf(key)).toMatch(/^ssh-ed25519 AAAA[0-9A-Za-z+/=]+$/);
  });

  test('ensureKeyPair keeps a pair that already exists', async () => {
    const key = path.join(root, 'kept');
    await ensureKeyPair(key, 'first');
    const before = publicKeyOf(key);
    await ensureKeyPair(key, 'second');
    expect(publicKeyOf(key)).toBe(before);
  });

  test('known_hosts lines use [address]:port except on port 22', () => {
    expect(knownHostsLine('127.0.0.5', 2222, 'ssh-ed25519 AAAA')).toBe('[127.0.0.5]:2222 ssh-ed25519 AAAA');
    expect(knownHostsLine('127.0.0.5', 22, 'ssh-ed25519 AAAA')).toBe('127.0.0.5 ssh-ed25519 AAAA');
  });
});
