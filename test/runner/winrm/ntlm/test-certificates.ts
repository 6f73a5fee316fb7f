import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const FIXTURES = path.join(import.meta.dirname, '..', '..', '..', 'fixtures', 'ntlm-channel-bindings');

/** DER of a self-signed test certificate made with openssl (ec-sha1, ec-sha256, …, pss-sha384, ed25519); no keys kept. */
export function testCertificate(name: string): Buffer {
  return new X509Certificate(readFileSync(path.join(FIXTURES, `${name}.pem`))).raw;
}
