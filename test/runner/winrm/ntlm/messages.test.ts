import { describe, expect, it } from 'vitest';
import {
  AvId,
  avPairText,
  decodeAuthenticate,
  decodeAvPairs,
  decodeChallenge,
  decodeNegotiate,
  encodeAuthenticate,
  encodeAvPairs,
  encodeChallenge,
  encodeNegotiate,
  Flag,
  MIC_OFFSET,
} from '../../../../src/runner/winrm/ntlm/messages.js';
import { rc4 } from '../../../../src/runner/winrm/ntlm/rc4.js';
import * as v from './ms-nlmp-vectors.js';

describe('CHALLENGE_MESSAGE', () => {
  it('decodes the MS-NLMP 4.2.4.3 challenge: flags e28a8233, server challenge, target name and AV pairs', () => {
    const challenge = decodeChallenge(v.CHALLENGE_MESSAGE);
    expect(challenge.flags >>> 0).toBe(0xe28a8233);
    expect(challenge.serverChallenge.equals(v.SERVER_CHALLENGE)).toBe(true);
    expect(challenge.targetName).toBe(v.SERVER);
    expect(avPairText(challenge.targetInfo, AvId.NB_DOMAIN_NAME)).toBe(v.DOMAIN);
    expect(avPairText(challenge.targetInfo, AvId.NB_COMPUTER_NAME)).toBe(v.SERVER);
    expect(challenge.version).toEqual({ major: 6, minor: 0, build: 6000, revision: 15 });
  });

  it('encodes the MS-NLMP 4.2.4.3 challenge byte for byte', () => {
    const decoded = decodeChallenge(v.CHALLENGE_MESSAGE);
    expect(encodeChallenge(decoded).toString('hex')).toBe(v.CHALLENGE_MESSAGE.toString('hex'));
  });

  it('refuses a message that is not a challenge, in one line', () => {
    expect(() => decodeChallenge(v.AUTHENTICATE_MESSAGE)).toThrow(/^expected an NTLM CHALLENGE message \(type 2\), got type 3$/);
    expect(() => decodeChallenge(Buffer.from('HTTP/1.1 401'))).toThrow(/not an NTLM CHALLENGE message/);
  });

  it('refuses a challenge whose target info runs past the end', () => {
    const cut = v.CHALLENGE_MESSAGE.subarray(0, v.CHALLENGE_MESSAGE.length - 6);
    expect(() => decodeChallenge(cut)).toThrow(/TargetInfo runs past the end/);
  });
});

describe('AUTHENTICATE_MESSAGE', () => {
  it('reproduces the MS-NLMP 4.2.4.3 AUTHENTICATE message byte for byte from the 4.2 inputs', () => {
    const { response } = v.vectorResponse();
    const message = encodeAuthenticate({
      flags: 0xe2888235,
      lmResponse: response.lmResponse,
      ntResponse: response.ntResponse,
      domain: v.DOMAIN,
      user: v.USER,
      workstation: v.WORKSTATION,
      encryptedRandomSessionKey: rc4(response.sessionBaseKey, v.RANDOM_SESSION_KEY),
      version: { major: 5, minor: 1, build: 2600, revision: 15 },
    });
    expect(message.toString('hex')).toBe(v.AUTHENTICATE_MESSAGE.toString('hex'));
  });

  it('decodes the MS-NLMP 4.2.4.3 AUTHENTICATE message and finds no MIC in it', () => {
    const auth = decodeAuthenticate(v.AUTHENTICATE_MESSAGE);
    expect([auth.user, auth.domain, auth.workstation]).toEqual([v.USER, v.DOMAIN, v.WORKSTATION]);
    expect(auth.flags >>> 0).toBe(0xe2888235);
    expect(auth.ntResponse.length).toBe(84);
    expect(auth.encryptedRandomSessionKey.toString('hex')).toBe('c5dad2544fc9799094ce1ce90bc9d03e');
    expect(auth.version).toEqual({ major: 5, minor: 1, build: 2600, revision: 15 });
    expect(auth.mic).toBeUndefined();
  });

  it('places VERSION and the MIC before the payload when a MIC is given, and reads them back', () => {
    const mic = Buffer.alloc(16, 0x11);
    const message = encodeAuthenticate({
      flags: Flag.UNICODE | Flag.NTLM,
      lmResponse: Buffer.alloc(24),
      ntResponse: Buffer.alloc(48, 1),
      domain: '',
      user: 'café',
      workstation: 'WS01',
      encryptedRandomSessionKey: Buffer.alloc(0),
      version: undefined,
      mic,
    });
    expect(message.readUInt32LE(28 + 4)).toBe(88); // domain (empty) starts the payload right after the MIC
    expect(message.subarray(MIC_OFFSET, MIC_OFFSET + 16).equals(mic)).toBe(true);
    const auth = decodeAuthenticate(message);
    expect(auth.mic?.equals(mic)).toBe(true);
    expect(auth.user).toBe('café');
  });

  it('writes text in the OEM code page when UNICODE was not negotiated', () => {
    const message = encodeAuthenticate({
      flags: Flag.OEM,
      lmResponse: Buffer.alloc(0),
      ntResponse: Buffer.alloc(0),
      domain: 'D',
      user: 'café',
      workstation: '',
      encryptedRandomSessionKey: Buffer.alloc(0),
      version: undefined,
    });
    expect(message.subarray(65).toString('hex')).toBe(Buffer.from('café', 'latin1').toString('hex'));
    expect(decodeAuthenticate(message).user).toBe('café');
  });
});

describe('NEGOTIATE_MESSAGE', () => {
  it('encodes flags and VERSION with empty domain and workstation fields pointing at the end', () => {
    const message = encodeNegotiate(0xe2088297, { major: 10, minor: 0, build: 20348, revision: 15 });
    expect(message.toString('hex')).toBe('4e544c4d5353500001000000978208e2' + '0000000028000000' + '0000000028000000' + '0a007c4f0000000f');
    expect(decodeNegotiate(message).flags >>> 0).toBe(0xe2088297);
  });
});

describe('AV pairs', () => {
  it('round-trips pairs and always ends them with MsvAvEOL', () => {
    const pairs = [
      { id: AvId.DNS_COMPUTER_NAME, value: Buffer.from('web01.contoso.com', 'utf16le') },
      { id: AvId.TIMESTAMP, value: Buffer.alloc(8, 7) },
    ];
    const bytes = encodeAvPairs(pairs);
    expect(bytes.subarray(-4).equals(Buffer.alloc(4))).toBe(true);
    expect(decodeAvPairs(bytes)).toEqual(pairs);
  });

  it('refuses AV pairs without an MsvAvEOL', () => {
    expect(() => decodeAvPairs(v.TARGET_INFO.subarray(0, v.TARGET_INFO.length - 4))).toThrow(/no MsvAvEOL/);
  });
});
