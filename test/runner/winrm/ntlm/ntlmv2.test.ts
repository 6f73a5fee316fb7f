import { describe, expect, it } from 'vitest';
import {
  clientBlob,
  computeMic,
  fileTimeNow,
  lmv2Response,
  ntHash,
  ntowfv2,
  readClientBlob,
} from '../../../../src/runner/winrm/ntlm/ntlmv2.js';
import { rc4 } from '../../../../src/runner/winrm/ntlm/rc4.js';
import * as v from './ms-nlmp-vectors.js';

const { responseKey, response } = v.vectorResponse();

describe('NTLMv2 against MS-NLMP 4.2.4', () => {
  it('derives NTOWFv2 (ResponseKeyNT) 0c868a40… from User, Domain and Password (4.2.4.1.1)', () => {
    expect(responseKey.toString('hex')).toBe('0c868a403bfd7a93a3001ef22ef02e3f');
  });

  it('computes the LMv2 response 86c35097… (4.2.4.2.1)', () => {
    expect(response.lmResponse.toString('hex')).toBe('86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa');
    expect(lmv2Response(responseKey, v.SERVER_CHALLENGE, v.CLIENT_CHALLENGE).equals(response.lmResponse)).toBe(true);
  });

  it('computes NTProofStr 68cd0ab8… followed by the client blob "temp" (4.2.4.2.2)', () => {
    const temp = v.hex(`0101000000000000 0000000000000000 aaaaaaaaaaaaaaaa 00000000
      02000c0044006f006d00610069006e00 01000c00530065007200760065007200 00000000 00000000`);
    expect(response.ntResponse.subarray(0, 16).toString('hex')).toBe('68cd0ab851e51c96aabc927bebef6a1c');
    expect(response.ntResponse.subarray(16).equals(temp)).toBe(true);
    expect(clientBlob(v.TIME, v.CLIENT_CHALLENGE, v.TARGET_INFO).equals(temp)).toBe(true);
  });

  it('derives the session base key (= key exchange key with NTLMv2) 8de40cca… (4.2.4.1.2)', () => {
    expect(response.sessionBaseKey.toString('hex')).toBe('8de40ccadbc14a82f15cb0ad0de95ca3');
  });

  it('encrypts the random session key 0x55… under the key exchange key to c5dad254… (4.2.4.2.3)', () => {
    expect(rc4(response.sessionBaseKey, v.RANDOM_SESSION_KEY).toString('hex')).toBe('c5dad2544fc9799094ce1ce90bc9d03e');
  });
});

describe('NTLMv2 helpers', () => {
  it('upper-cases the user name but not the domain in NTOWFv2', () => {
    const hash = ntHash(v.PASSWORD);
    expect(ntowfv2(hash, 'user', v.DOMAIN).equals(responseKey)).toBe(true);
    expect(ntowfv2(hash, v.USER, 'DOMAIN').equals(responseKey)).toBe(false);
  });

  it('keeps the length of a user name whose capital would be longer (ß stays ß, as Windows does)', () => {
    const hash = ntHash(v.PASSWORD);
    // 'ß'.toUpperCase() is 'SS'; a per-unit upcase leaves it, so "straße" and "STRAßE" give the same key.
    expect(ntowfv2(hash, 'straße', '').equals(ntowfv2(hash, 'STRAßE', ''))).toBe(true);
    expect(ntowfv2(hash, 'straße', '').equals(ntowfv2(hash, 'STRASSE', ''))).toBe(false);
  });

  it('reads back the time, client challenge and AV pairs of a client blob', () => {
    const fields = readClientBlob(response.ntResponse.subarray(16));
    expect(fields?.timestamp.equals(v.TIME)).toBe(true);
    expect(fields?.clientChallenge.equals(v.CLIENT_CHALLENGE)).toBe(true);
    expect(fields?.targetInfo.subarray(0, v.TARGET_INFO.length).equals(v.TARGET_INFO)).toBe(true);
  });

  it('does not take an NTLMv1 response for a client blob', () => {
    expect(readClientBlob(Buffer.alloc(8))).toBeUndefined();
    expect(readClientBlob(Buffer.alloc(40))).toBeUndefined();
  });

  it('computes the MIC as HMAC-MD5 over the three messages in order', () => {
    const key = v.RANDOM_SESSION_KEY;
    const [a, b, c] = [Buffer.from('negotiate'), Buffer.from('challenge'), Buffer.from('authenticate')];
    expect(computeMic(key, a, b, c).equals(computeMic(key, Buffer.concat([a, b]), Buffer.alloc(0), c))).toBe(true);
    expect(computeMic(key, b, a, c).equals(computeMic(key, a, b, c))).toBe(false);
  });

  it('writes FILETIME as 100 ns ticks since 1601 (the Unix epoch is 116444736000000000)', () => {
    expect(fileTimeNow(0).readBigUInt64LE()).toBe(116_444_736_000_000_000n);
    expect(fileTimeNow(1).readBigUInt64LE()).toBe(116_444_736_000_010_000n);
  });
});
