import { createHash } from 'node:crypto';

/**
 * Certificate pins as admins copy them: Windows shows a SHA-1 thumbprint (`Get-ChildItem Cert:\...`
 * prints it bare; the certificate dialog spaces it and prefixes an invisible mark), OpenSSL prints colons.
 */

export type PinResult = { ok: true; hex: string } | { ok: false; message: string };

/** Hex digits only, lower case; 40 (SHA-1) or 64 (SHA-256) of them, or the pin is refused. */
export function normalizeThumbprint(pin: string): PinResult {
  const hex = pin.replace(/[\s:\-\u200e\u200f\ufeff]/g, '').toLowerCase();
  if (!/^[0-9a-f]+$/.test(hex) || (hex.length !== 40 && hex.length !== 64)) {
    return { ok: false, message: 'tls.certThumbprint must be a SHA-1 (40 hex digits) or SHA-256 (64 hex digits) fingerprint' };
  }
  return { ok: true, hex };
}

/** The leaf's fingerprints, SHA-1 in Windows' upper-case thumbprint form. */
export function fingerprints(der: Buffer): { sha1: string; sha256: string } {
  return {
    sha1: createHash('sha1').update(der).digest('hex').toUpperCase(),
    sha256: createHash('sha256').update(der).digest('hex').toUpperCase(),
  };
}

/** Whether a DER certificate is the pinned one, by whichever hash the pin's length names. */
export function matchesPin(der: Buffer, normalizedHex: string): boolean {
  const algorithm = normalizedHex.length === 40 ? 'sha1' : 'sha256';
  return createHash(algorithm).update(der).digest('hex') === normalizedHex;
}
