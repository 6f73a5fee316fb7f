/**
 * NTLMv2 responses and keys (MS-NLMP 3.3.2): NTOWFv2, the NTLMv2 and LMv2 responses, the session base key, and
 * the MIC over the three messages (3.1.5.1.2). Pure functions, so the published test vectors can pin each step.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { md4 } from './md4.js';

export function hmacMd5(key: Buffer, ...data: Buffer[]): Buffer {
  const mac = createHmac('md5', key);
  for (const part of data) mac.update(part);
  return mac.digest();
}

/** NTOWFv1, the NT hash: MD4 of the UTF-16LE password. */
export function ntHash(password: string): Buffer {
  return md4(Buffer.from(password, 'utf16le'));
}

/**
 * NTOWFv2 (= ResponseKeyNT = ResponseKeyLM): HMAC-MD5 keyed with the NT hash over UTF-16LE(Uppercase(user) + domain).
 * Upper-casing is per UTF-16 unit, as Windows does it: "ß" stays one character instead of becoming "SS".
 */
export function ntowfv2(ntHashValue: Buffer, user: string, domain: string): Buffer {
  const upper = Array.from(user, (ch) => {
    const up = ch.toUpperCase();
    return up.length === ch.length ? up : ch;
  }).join('');
  return hmacMd5(ntHashValue, Buffer.from(upper + domain, 'utf16le'));
}

/** The NTLMv2_CLIENT_CHALLENGE ("temp" in 3.3.2): version 1/1, time, client challenge, the AV pairs, then 4 zeros. */
export function clientBlob(timestamp: Buffer, clientChallenge: Buffer, targetInfo: Buffer): Buffer {
  const head = Buffer.alloc(28);
  head[0] = 1; // RespType
  head[1] = 1; // HiRespType
  timestamp.copy(head, 8);
  clientChallenge.copy(head, 16);
  return Buffer.concat([head, targetInfo, Buffer.alloc(4)]);
}

export interface ClientBlobFields {
  timestamp: Buffer;
  clientChallenge: Buffer;
  /** The AV pairs as the client sent them (up to and including MsvAvEOL, maybe with trailing zeros). */
  targetInfo: Buffer;
}

/** Reads the client blob that follows NTProofStr in an NTLMv2 response; undefined if it is not one. */
export function readClientBlob(blob: Buffer): ClientBlobFields | undefined {
  if (blob.length < 28 || blob[0] !== 1 || blob[1] !== 1) return undefined;
  return {
    timestamp: Buffer.from(blob.subarray(8, 16)),
    clientChallenge: Buffer.from(blob.subarray(16, 24)),
    targetInfo: Buffer.from(blob.subarray(28)),
  };
}

/** NTProofStr = HMAC-MD5(ResponseKeyNT, ServerChallenge + temp). */
export function ntProofStr(responseKey: Buffer, serverChallenge: Buffer, blob: Buffer): Buffer {
  return hmacMd5(responseKey, serverChallenge, blob);
}

/** LMv2 response: HMAC-MD5(ResponseKeyLM, ServerChallenge + ClientChallenge) + ClientChallenge. */
export function lmv2Response(responseKey: Buffer, serverChallenge: Buffer, clientChallenge: Buffer): Buffer {
  return Buffer.concat([hmacMd5(responseKey, serverChallenge, clientChallenge), clientChallenge]);
}

/** SessionBaseKey = HMAC-MD5(ResponseKeyNT, NTProofStr); with NTLMv2 it is also the KeyExchangeKey. */
export function sessionBaseKey(responseKey: Buffer, proof: Buffer): Buffer {
  return hmacMd5(responseKey, proof);
}

export interface Ntlmv2Response {
  ntResponse: Buffer;
  lmResponse: Buffer;
  sessionBaseKey: Buffer;
}

export function computeNtlmv2(input: {
  responseKey: Buffer;
  serverChallenge: Buffer;
  clientChallenge: Buffer;
  timestamp: Buffer;
  targetInfo: Buffer;
}): Ntlmv2Response {
  const blob = clientBlob(input.timestamp, input.clientChallenge, input.targetInfo);
  const proof = ntProofStr(input.responseKey, input.serverChallenge, blob);
  return {
    ntResponse: Buffer.concat([proof, blob]),
    lmResponse: lmv2Response(input.responseKey, input.serverChallenge, input.clientChallenge),
    sessionBaseKey: sessionBaseKey(input.responseKey, proof),
  };
}

/** MIC = HMAC-MD5(ExportedSessionKey, NEGOTIATE + CHALLENGE + AUTHENTICATE with its MIC field zeroed). */
export function computeMic(exportedSessionKey: Buffer, negotiate: Buffer, challenge: Buffer, authenticate: Buffer): Buffer {
  return hmacMd5(exportedSessionKey, negotiate, challenge, authenticate);
}

/** Constant-time comparison of two MACs of possibly different lengths. */
export function sameMac(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Now as a Windows FILETIME: 100 ns ticks since 1601-01-01, 8 bytes little-endian. */
export function fileTimeNow(nowMs = Date.now()): Buffer {
  const out = Buffer.alloc(8);
  out.writeBigUInt64LE((BigInt(nowMs) + 11_644_473_600_000n) * 10_000n);
  return out;
}
