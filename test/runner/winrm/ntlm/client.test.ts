import { describe, expect, it } from 'vitest';
import { channelBindingsHash } from '../../../../src/runner/winrm/ntlm/channel-bindings.js';
import { CLIENT_FLAGS, NtlmClient } from '../../../../src/runner/winrm/ntlm/client.js';
import {
  AV_FLAG_MIC_PRESENT,
  AvId,
  decodeAuthenticate,
  decodeAvPairs,
  decodeChallenge,
  decodeNegotiate,
  encodeChallenge,
  Flag,
  has,
} from '../../../../src/runner/winrm/ntlm/messages.js';
import { ntHash, ntowfv2, ntProofStr, readClientBlob, sessionBaseKey } from '../../../../src/runner/winrm/ntlm/ntlmv2.js';
import { rc4 } from '../../../../src/runner/winrm/ntlm/rc4.js';
import { NtlmSession } from '../../../../src/runner/winrm/ntlm/session-security.js';
import * as v from './ms-nlmp-vectors.js';
import { testCertificate } from './test-certificates.js';

const newClient = (): NtlmClient => new NtlmClient({ user: v.USER, domain: v.DOMAIN, password: v.PASSWORD, workstation: v.WORKSTATION });

/** The 4.2.4.3 challenge, optionally with a server timestamp added to its AV pairs. */
function challengeWith(change: (c: ReturnType<typeof decodeChallenge>) => void = () => {}): Buffer {
  const challenge = decodeChallenge(v.CHALLENGE_MESSAGE);
  change(challenge);
  return encodeChallenge(challenge);
}

const SERVER_TIME = Buffer.from('0090d336b734d301', 'hex');
const withTimestamp = (): Buffer => challengeWith((c) => c.targetInfo!.push({ id: AvId.TIMESTAMP, value: SERVER_TIME }));

describe('NtlmClient.negotiate', () => {
  it('asks for what a Windows WinRM client asks for: Unicode, NTLM, ESS, always-sign, sign, seal, key exchange, 128/56-bit, target info, version', () => {
    const { flags } = decodeNegotiate(newClient().negotiate());
    for (const flag of [Flag.UNICODE, Flag.NTLM, Flag.EXTENDED_SESSION_SECURITY, Flag.ALWAYS_SIGN, Flag.SIGN, Flag.SEAL,
      Flag.KEY_EXCH, Flag.KEY_128, Flag.KEY_56, Flag.TARGET_INFO, Flag.VERSION]) {
      expect(has(flags, flag)).toBe(true);
    }
    expect(has(flags, Flag.LM_KEY)).toBe(false);
    expect(flags >>> 0).toBe(CLIENT_FLAGS);
  });
});

describe('NtlmClient.authenticate', () => {
  it('answers with an NTLMv2 response whose proof checks out under the user\'s NTOWFv2 key', () => {
    const client = newClient();
    client.negotiate();
    const auth = decodeAuthenticate(client.authenticate(v.CHALLENGE_MESSAGE));
    const key = ntowfv2(ntHash(v.PASSWORD), v.USER, v.DOMAIN);
    const blob = auth.ntResponse.subarray(16);
    expect(ntProofStr(key, v.SERVER_CHALLENGE, blob).equals(auth.ntResponse.subarray(0, 16))).toBe(true);
    expect([auth.user, auth.domain, auth.workstation]).toEqual([v.USER, v.DOMAIN, v.WORKSTATION]);
  });

  it('agrees on our flags that the server kept, with Unicode instead of OEM', () => {
    const client = newClient();
    client.negotiate();
    const auth = decodeAuthenticate(client.authenticate(v.CHALLENGE_MESSAGE));
    expect(auth.flags >>> 0).toBe((CLIENT_FLAGS & 0xe28a8233 & ~Flag.OEM) >>> 0);
  });

  it('sends an LMv2 response and no MIC when the challenge has no timestamp', () => {
    const client = newClient();
    client.negotiate();
    const auth = decodeAuthenticate(client.authenticate(v.CHALLENGE_MESSAGE));
    expect(auth.lmResponse.length).toBe(24);
    expect(auth.lmResponse.equals(Buffer.alloc(24))).toBe(false);
    expect(auth.mic).toBeUndefined();
  });

  it('uses the challenge\'s MsvAvTimestamp, marks MsvAvFlags "MIC present", zeroes the LM response and adds a MIC', () => {
    const client = newClient();
    client.negotiate();
    const auth = decodeAuthenticate(client.authenticate(withTimestamp()));
    const blob = readClientBlob(auth.ntResponse.subarray(16))!;
    expect(blob.timestamp.equals(SERVER_TIME)).toBe(true);
    const avFlags = decodeAvPairs(blob.targetInfo).find((p) => p.id === AvId.FLAGS)!.value.readUInt32LE(0);
    expect(has(avFlags, AV_FLAG_MIC_PRESENT)).toBe(true);
    expect(auth.lmResponse.equals(Buffer.alloc(24))).toBe(true);
    expect(auth.mic?.length).toBe(16);
    expect(auth.mic?.equals(Buffer.alloc(16))).toBe(false);
  });

  it('keeps the server\'s own MsvAvFlags bits when adding "MIC present"', () => {
    const client = newClient();
    client.negotiate();
    const serverFlags = Buffer.from('01000000', 'hex'); // "account authentication is constrained"
    const message = challengeWith((c) => c.targetInfo!.push({ id: AvId.TIMESTAMP, value: SERVER_TIME }, { id: AvId.FLAGS, value: serverFlags }));
    const blob = readClientBlob(decodeAuthenticate(client.authenticate(message)).ntResponse.subarray(16))!;
    expect(decodeAvPairs(blob.targetInfo).find((p) => p.id === AvId.FLAGS)!.value.readUInt32LE(0)).toBe(0x3);
  });

  it('binds to the TLS server certificate with MsvAvChannelBindings when given one', () => {
    const cert = testCertificate('ec-sha256');
    const client = newClient();
    client.negotiate();
    const auth = decodeAuthenticate(client.authenticate(withTimestamp(), { tlsServerCertificate: cert }));
    const pairs = decodeAvPairs(readClientBlob(auth.ntResponse.subarray(16))!.targetInfo);
    expect(pairs.find((p) => p.id === AvId.CHANNEL_BINDINGS)?.value.equals(channelBindingsHash(cert))).toBe(true);
  });

  it('sends no channel bindings over plain HTTP', () => {
    const client = newClient();
    client.negotiate();
    const pairs = decodeAvPairs(readClientBlob(decodeAuthenticate(client.authenticate(withTimestamp())).ntResponse.subarray(16))!.targetInfo);
    expect(pairs.some((p) => p.id === AvId.CHANNEL_BINDINGS)).toBe(false);
  });

  it('exchanges a random session key that the server can recover and both sessions share', () => {
    const client = newClient();
    client.negotiate();
    const auth = decodeAuthenticate(client.authenticate(v.CHALLENGE_MESSAGE));
    const key = ntowfv2(ntHash(v.PASSWORD), v.USER, v.DOMAIN);
    const exported = rc4(sessionBaseKey(key, auth.ntResponse.subarray(0, 16)), auth.encryptedRandomSessionKey);
    const server = new NtlmSession({ role: 'server', exportedSessionKey: exported, flags: auth.flags });
    const { signature, sealed } = client.session().wrap(Buffer.from('hello'));
    expect(server.unwrap(sealed, signature).toString()).toBe('hello');
  });

  it('refuses an LM/NTLMv1-only challenge (no target info) in one line', () => {
    const client = newClient();
    client.negotiate();
    const v1 = challengeWith((c) => {
      c.targetInfo = undefined;
      c.flags = (c.flags & ~Flag.TARGET_INFO) >>> 0;
    });
    expect(() => client.authenticate(v1)).toThrow(/^NTLM server offers only LM\/NTLMv1 \(its challenge has no target info\); fleet-scan speaks NTLMv2 only$/);
  });

  it('refuses a challenge without extended session security or without 128-bit keys', () => {
    const noEss = challengeWith((c) => (c.flags = (c.flags & ~Flag.EXTENDED_SESSION_SECURITY) >>> 0));
    const no128 = challengeWith((c) => (c.flags = (c.flags & ~Flag.KEY_128) >>> 0));
    const a = newClient();
    a.negotiate();
    expect(() => a.authenticate(noEss)).toThrow(/did not agree to extended session security/);
    const b = newClient();
    b.negotiate();
    expect(() => b.authenticate(no128)).toThrow(/did not agree to 128-bit session keys/);
  });

  it('refuses to run the steps out of order', () => {
    const client = newClient();
    expect(() => client.authenticate(v.CHALLENGE_MESSAGE)).toThrow(/before negotiate\(\)/);
    expect(() => client.session()).toThrow(/before authenticate\(\)/);
    client.negotiate();
    client.authenticate(v.CHALLENGE_MESSAGE);
    expect(() => client.authenticate(v.CHALLENGE_MESSAGE)).toThrow(/already called/);
  });
});

describe('NtlmClient user names', () => {
  it('takes DOMAIN\\user and user@domain spellings', () => {
    const a = new NtlmClient({ user: 'CONTOSO\\svc-scan', password: 'x' });
    expect([a.domain, a.user]).toEqual(['CONTOSO', 'svc-scan']);
    const b = new NtlmClient({ user: 'svc-scan@contoso.com', password: 'x' });
    expect([b.domain, b.user]).toEqual(['', 'svc-scan@contoso.com']);
  });

  it('refuses a domain given twice', () => {
    expect(() => new NtlmClient({ user: 'CONTOSO\\svc', domain: 'FABRIKAM', password: 'x' })).toThrow(/give the domain once/);
  });

  it('defaults the workstation to this host\'s short name in capitals, at most 15 characters', () => {
    const client = new NtlmClient({ user: 'u', password: 'x' });
    expect(client.workstation).toMatch(/^[^a-z.]{1,15}$/);
  });
});
