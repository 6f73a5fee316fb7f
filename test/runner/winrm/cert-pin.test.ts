import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprints, matchesPin, normalizeThumbprint } from '../../../src/runner/winrm/cert-pin.js';

const der = Buffer.from('a certificate, as far as hashing goes');
const sha1 = createHash('sha1').update(der).digest('hex');
const sha256 = createHash('sha256').update(der).digest('hex');

describe('a pin', () => {
  it('is taken as Windows and OpenSSL print it: any case, colons, spaces, the dialog’s invisible mark', () => {
    const spaced = sha1.toUpperCase().replace(/(..)/g, '$1 ').trim();
    const colons = sha1.replace(/(..)(?!$)/g, '$1:');
    for (const form of [sha1.toUpperCase(), spaced, colons, `\u200e${spaced}`]) {
      expect(normalizeThumbprint(form)).toEqual({ ok: true, hex: sha1 });
    }
  });

  it('is refused unless it is 40 or 64 hex digits', () => {
    for (const bad of ['', 'xyz', sha1.slice(2), `${sha256}00`, 'g'.repeat(40)]) expect(normalizeThumbprint(bad).ok).toBe(false);
  });

  it('matches by SHA-1 or SHA-256 as its length says, and nothing else', () => {
    expect(matchesPin(der, sha1)).toBe(true);
    expect(matchesPin(der, sha256)).toBe(true);
    expect(matchesPin(Buffer.from('another certificate'), sha1)).toBe(false);
  });
});

describe('fingerprints', () => {
  it('are upper-case hex, the thumbprint form Windows shows', () => {
    expect(fingerprints(der)).toEqual({ sha1: sha1.toUpperCase(), sha256: sha256.toUpperCase() });
  });
});
