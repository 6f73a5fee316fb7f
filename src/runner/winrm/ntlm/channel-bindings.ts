/**
 * Channel binding for NTLM over HTTPS (MS-NLMP 3.1.5.1.2, MsvAvChannelBindings): the MD5 of a
 * gss_channel_bindings_struct whose application data is "tls-server-end-point:" + the certificate hash of RFC 5929
 * section 4.1. Listeners with CbtHardeningLevel=Strict refuse NTLM without it.
 */
import { createHash } from 'node:crypto';
import { NtlmError } from './ntlm-error.js';

// Signature algorithm OID -> the hash RFC 5929 prescribes (MD5 and SHA-1 are replaced by SHA-256).
const SIGNATURE_HASH: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'sha256', // md5WithRSAEncryption
  '1.2.840.113549.1.1.5': 'sha256', // sha1WithRSAEncryption
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.1': 'sha256', // ecdsa-with-SHA1
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
  '1.2.840.10040.4.3': 'sha256', // dsa-with-sha1
  '2.16.840.1.101.3.4.3.2': 'sha256', // dsa-with-sha256
};
const RSASSA_PSS = '1.2.840.113549.1.1.10';
// Hash algorithm OID (inside RSASSA-PSS parameters) -> the hash to use.
const HASH: Record<string, string> = {
  '1.3.14.3.2.26': 'sha256', // SHA-1
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** RFC 5929 tls-server-end-point application data for a DER certificate (e.g. `getPeerCertificate().raw`). */
export function tlsServerEndPoint(certificateDer: Buffer): Buffer {
  const hash = endPointHash(certificateDer);
  return Buffer.concat([Buffer.from('tls-server-end-point:', 'latin1'), createHash(hash).update(certificateDer).digest()]);
}

/** The 16-byte MsvAvChannelBindings value: MD5 of the channel bindings struct with no addresses. */
export function channelBindingsHash(certificateDer: Buffer): Buffer {
  const applicationData = tlsServerEndPoint(certificateDer);
  // initiator addrtype + length, acceptor addrtype + length (all zero), then application data length and bytes.
  const struct = Buffer.alloc(20);
  struct.writeUInt32LE(applicationData.length, 16);
  return createHash('md5').update(struct).update(applicationData).digest();
}

function endPointHash(der: Buffer): string {
  try {
    const certificate = children(der, readTlv(der, 0));
    const algorithm = children(der, certificate[1]!);
    const oid = readOid(der, algorithm[0]!);
    if (oid === RSASSA_PSS) return pssHash(der, algorithm[1]);
    const hash = SIGNATURE_HASH[oid];
    if (hash) return hash;
    throw new NtlmError(`channel binding: certificate signature algorithm ${oid} has no tls-server-end-point hash`);
  } catch (error) {
    if (error instanceof NtlmError) throw error;
    throw new NtlmError('channel binding: the server certificate is not valid DER');
  }
}

// RSASSA-PSS-params ::= SEQUENCE { hashAlgorithm [0] AlgorithmIdentifier DEFAULT sha1, ... }
function pssHash(der: Buffer, params: Tlv | undefined): string {
  const explicit = params && params.tag === 0x30 ? children(der, params).find((t) => t.tag === 0xa0) : undefined;
  if (!explicit) return 'sha256'; // default SHA-1, which RFC 5929 replaces by SHA-256
  const algorithm = children(der, children(der, explicit)[0]!);
  const oid = readOid(der, algorithm[0]!);
  const hash = HASH[oid];
  if (!hash) throw new NtlmError(`channel binding: RSASSA-PSS hash ${oid} is not supported`);
  return hash;
}

interface Tlv {
  tag: number;
  start: number;
  end: number;
}

function readTlv(der: Buffer, at: number): Tlv {
  const tag = der[at]!;
  let length = der[at + 1]!;
  let start = at + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes === 0 || bytes > 4) throw new Error('bad DER length');
    length = der.readUIntBE(start, bytes);
    start += bytes;
  }
  if (start + length > der.length) throw new Error('DER runs past the end');
  return { tag, start, end: start + length };
}

function children(der: Buffer, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.start; at < parent.end; ) {
    const child = readTlv(der, at);
    out.push(child);
    at = child.end;
  }
  return out;
}

function readOid(der: Buffer, tlv: Tlv): string {
  if (tlv.tag !== 0x06) throw new Error('expected an OID');
  const ids: number[] = [];
  let value = 0;
  for (const byte of der.subarray(tlv.start, tlv.end)) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      ids.push(value);
      value = 0;
    }
  }
  // The first subidentifier packs the first two arcs: 40 * first + second.
  const packed = ids.shift() ?? 0;
  const arc = Math.min(2, Math.floor(packed / 40));
  return [arc, packed - arc * 40, ...ids].join('.');
}
