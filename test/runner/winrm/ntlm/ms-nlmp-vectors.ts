/**
 * The inputs of MS-NLMP section 4.2 ("Cryptographic Values for Validation"), shared by the NTLM tests. Every expected
 * value in those tests is a published one from sections 4.2.1 and 4.2.4, written out as hex.
 */
import { computeNtlmv2, ntHash, ntowfv2, type Ntlmv2Response } from '../../../../src/runner/winrm/ntlm/ntlmv2.js';

export const USER = 'User';
export const DOMAIN = 'Domain';
export const PASSWORD = 'Password';
export const SERVER = 'Server';
export const WORKSTATION = 'COMPUTER';
export const RANDOM_SESSION_KEY = Buffer.alloc(16, 0x55);
export const CLIENT_CHALLENGE = Buffer.alloc(8, 0xaa);
export const SERVER_CHALLENGE = Buffer.from('0123456789abcdef', 'hex');
export const TIME = Buffer.alloc(8);

export const hex = (text: string): Buffer => Buffer.from(text.replace(/\s+/g, ''), 'hex');

/** 4.2.4: the AV pairs of the NTLMv2 examples, NetBIOS domain "Domain" then NetBIOS server "Server", then MsvAvEOL. */
export const TARGET_INFO = hex('02000c0044006f006d00610069006e00 01000c00530065007200760065007200 00000000');

/** 4.2.4.3: the CHALLENGE_MESSAGE of the NTLMv2 example. */
export const CHALLENGE_MESSAGE = hex(`
  4e544c4d53535000 02000000 0c000c0038000000 33828ae2 0123456789abcdef 0000000000000000
  2400240044000000 060070170000000f
  530065007200760065007200
  02000c0044006f006d00610069006e00 01000c00530065007200760065007200 00000000`);

/** 4.2.4.3: the AUTHENTICATE_MESSAGE of the NTLMv2 example (no MIC, VERSION 5.1.2600). */
export const AUTHENTICATE_MESSAGE = hex(`
  4e544c4d53535000 03000000
  180018006c000000 5400540084000000 0c000c0048000000 0800080054000000 100010005c000000 10001000d8000000
  358288e2 0501280a0000000f
  44006f006d00610069006e00
  5500730065007200
  43004f004d0050005500540045005200
  86c35097ac9cec102554764a57cccc19 aaaaaaaaaaaaaaaa
  68cd0ab851e51c96aabc927bebef6a1c 0101000000000000 0000000000000000 aaaaaaaaaaaaaaaa 00000000
  02000c0044006f006d00610069006e00 01000c00530065007200760065007200 00000000 00000000
  c5dad2544fc9799094ce1ce90bc9d03e`);

/** ResponseKeyNT and the NTLMv2 response computed from the 4.2 inputs (the values the tests check). */
export function vectorResponse(): { responseKey: Buffer; response: Ntlmv2Response } {
  const responseKey = ntowfv2(ntHash(PASSWORD), USER, DOMAIN);
  const response = computeNtlmv2({
    responseKey,
    serverChallenge: SERVER_CHALLENGE,
    clientChallenge: CLIENT_CHALLENGE,
    timestamp: TIME,
    targetInfo: TARGET_INFO,
  });
  return { responseKey, response };
}
