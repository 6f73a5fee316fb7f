import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { channelBindingsHash, tlsServerEndPoint } from '../../../../src/runner/winrm/ntlm/channel-bindings.js';

import { testCertificate as der } from './test-certificates.js';

const endPoint = (hash: string, cert: Buffer): string =>
  `tls-server-end-point:${createHash(hash).update(cert).digest('hex')}`;
const asText = (data: Buffer): string => `${data.subarray(0, 21).toString('latin1')}${data.subarray(21).toString('hex')}`;

describe('tlsServerEndPoint (RFC 5929 section 4.1)', () => {
  const CASES: Array<[string, string, string]> = [
    ['ec-sha1', 'sha256', 'an ECDSA-SHA1 certificate is hashed with SHA-256, not SHA-1'],
    ['ec-sha256', 'sha256', 'an ECDSA-SHA256 certificate is hashed with SHA-256'],
    ['ec-sha384', 'sha384', 'an ECDSA-SHA384 certificate is hashed with its own SHA-384'],
    ['ec-sha512', 'sha512', 'an ECDSA-SHA512 certificate is hashed with its own SHA-512'],
    ['pss-sha384', 'sha384', 'an RSASSA-PSS certificate is hashed with the hash named in its PSS parameters'],
  ];
  for (const [name, hash, rule] of CASES) {
    it(rule, () => {
      const cert = der(name);
      expect(asText(tlsServerEndPoint(cert))).toBe(endPoint(hash, cert));
    });
  }

  it('refuses a certificate whose signature algorithm has no end-point hash (Ed25519), in one line', () => {
    expect(() => tlsServerEndPoint(der('ed25519'))).toThrow(/^channel binding: certificate signature algorithm 1\.3\.101\.112 has no tls-server-end-point hash$/);
  });

  it('refuses bytes that are not a DER certificate', () => {
    expect(() => tlsServerEndPoint(Buffer.from('not a certificate'))).toThrow(/^channel binding: the server certificate is not valid DER$/);
  });
});

describe('channelBindingsHash', () => {
  // Values computed independently with Python's hashlib over the gss_channel_bindings_struct.
  it('is the MD5 of the bindings struct with no addresses and the end-point data', () => {
    expect(channelBindingsHash(der('ec-sha256')).toString('hex')).toBe('36110a6a124bb1bad787599b6a35d039');
    expect(channelBindingsHash(der('pss-sha384')).toString('hex')).toBe('ee76c18bbe456e72344cdd147b3ce733');
  });
});
