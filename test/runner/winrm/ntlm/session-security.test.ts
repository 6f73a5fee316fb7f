import { describe, expect, it } from 'vitest';
import { Flag } from '../../../../src/runner/winrm/ntlm/messages.js';
import { NtlmSession, sealKey, signKey } from '../../../../src/runner/winrm/ntlm/session-security.js';
import * as v from './ms-nlmp-vectors.js';

// The 4.2.4 NTLMv2 example negotiates key exchange, 128-bit keys, ESS, sign and seal.
const FLAGS = (Flag.KEY_EXCH | Flag.KEY_128 | Flag.EXTENDED_SESSION_SECURITY | Flag.SIGN | Flag.SEAL | Flag.UNICODE) >>> 0;
const PLAINTEXT = Buffer.from('Plaintext', 'utf16le');

function pair(flags = FLAGS, key = Buffer.alloc(16, 0x42)): { client: NtlmSession; server: NtlmSession } {
  return {
    client: new NtlmSession({ role: 'client', exportedSessionKey: key, flags }),
    server: new NtlmSession({ role: 'server', exportedSessionKey: key, flags }),
  };
}

describe('session keys against MS-NLMP 4.2.4.4', () => {
  it('derives the client sealing key 59f60097… from the random session key', () => {
    expect(sealKey(v.RANDOM_SESSION_KEY, 'client-to-server').toString('hex')).toBe('59f600973cc4960a25480a7c196e4c58');
  });

  it('derives the client signing key 4788dc86… from the random session key', () => {
    expect(signKey(v.RANDOM_SESSION_KEY, 'client-to-server').toString('hex')).toBe('4788dc861b4782f35d43fd98fe1a2d39');
  });

  it('derives different keys for the server-to-client direction (values as pyspnego computes them)', () => {
    expect(sealKey(v.RANDOM_SESSION_KEY, 'server-to-client').toString('hex')).toBe('9355f3a957c1583d25c4c2f11e40390e');
    expect(signKey(v.RANDOM_SESSION_KEY, 'server-to-client').toString('hex')).toBe('d04d6f10741041d1d246d64188d7a8ad');
  });
});

describe('NtlmSession.wrap against MS-NLMP 4.2.4.4', () => {
  it('seals "Plaintext" (UTF-16LE) to 54e50165… and signs it 01000000 7fb38ec5c55d4976 00000000', () => {
    const session = new NtlmSession({ role: 'client', exportedSessionKey: v.RANDOM_SESSION_KEY, flags: FLAGS });
    const { sealed, signature } = session.wrap(PLAINTEXT);
    expect(sealed.toString('hex')).toBe('54e50165bf1936dc996020c1811b0f06fb5f');
    expect(signature.toString('hex')).toBe('010000007fb38ec5c55d497600000000');
  });

  it('leaves the checksum unencrypted when key exchange was not negotiated (70352851…)', () => {
    const flags = (FLAGS & ~Flag.KEY_EXCH) >>> 0;
    const session = new NtlmSession({ role: 'client', exportedSessionKey: v.RANDOM_SESSION_KEY, flags });
    const { sealed, signature } = session.wrap(PLAINTEXT);
    expect(sealed.toString('hex')).toBe('54e50165bf1936dc996020c1811b0f06fb5f');
    expect(signature.toString('hex')).toBe('0100000070352851f256430900000000');
  });
});

describe('NtlmSession.sealInPlace against MS-NLMP 4.2.4.4', () => {
  it('seals the message where it lies to 54e50165… and returns the signature wrap gives', () => {
    const session = new NtlmSession({ role: 'client', exportedSessionKey: v.RANDOM_SESSION_KEY, flags: FLAGS });
    const message = Buffer.from(PLAINTEXT);
    const signature = session.sealInPlace(message);
    expect(message.toString('hex')).toBe('54e50165bf1936dc996020c1811b0f06fb5f');
    expect(signature.toString('hex')).toBe('010000007fb38ec5c55d497600000000');
  });

  it('stays in step with wrap across messages: the server unwraps both kinds in turn', () => {
    const { client, server } = pair();
    const first = Buffer.from('<s:Envelope>sealed in place</s:Envelope>');
    const firstSignature = client.sealInPlace(first);
    const second = client.wrap(Buffer.from('<s:Envelope>wrapped</s:Envelope>'));
    expect(server.unwrap(first, firstSignature).toString()).toBe('<s:Envelope>sealed in place</s:Envelope>');
    expect(server.unwrap(second.sealed, second.signature).toString()).toBe('<s:Envelope>wrapped</s:Envelope>');
  });
});

describe('NtlmSession both ways', () => {
  it('unwraps on the server what the client wrapped, and the other way round', () => {
    const { client, server } = pair();
    const request = client.wrap(Buffer.from('<s:Envelope>request</s:Envelope>'));
    expect(server.unwrap(request.sealed, request.signature).toString()).toBe('<s:Envelope>request</s:Envelope>');
    const reply = server.wrap(Buffer.from('<s:Envelope>reply</s:Envelope>'));
    expect(client.unwrap(reply.sealed, reply.signature).toString()).toBe('<s:Envelope>reply</s:Envelope>');
  });

  it('keeps both directions in step over many messages, numbering each from 0', () => {
    const { client, server } = pair();
    for (let n = 0; n < 50; n++) {
      const out = client.wrap(Buffer.from(`request ${n}`));
      expect(out.signature.readUInt32LE(12)).toBe(n);
      expect(server.unwrap(out.sealed, out.signature).toString()).toBe(`request ${n}`);
      if (n % 3 === 0) continue; // the directions advance independently
      const back = server.wrap(Buffer.from(`reply ${n}`));
      expect(client.unwrap(back.sealed, back.signature).toString()).toBe(`reply ${n}`);
    }
  });

  it('refuses a message sealed for the other direction (a reflected message)', () => {
    const { client } = pair();
    const other = pair().client;
    const out = client.wrap(Buffer.from('hello'));
    expect(() => other.unwrap(out.sealed, out.signature)).toThrow(/signature does not match/);
  });

  it('refuses a tampered sealed message with a one-line error', () => {
    const { client, server } = pair();
    const out = client.wrap(Buffer.from('Get-Service'));
    out.sealed[3]! ^= 0x01;
    expect(() => server.unwrap(out.sealed, out.signature)).toThrow(
      /^NTLM message signature does not match: the message was altered or the session is out of step$/,
    );
  });

  it('refuses a skipped or replayed message by its sequence number', () => {
    const { client, server } = pair();
    client.wrap(Buffer.from('lost on the way'));
    const second = client.wrap(Buffer.from('second'));
    expect(() => server.unwrap(second.sealed, second.signature)).toThrow(/^NTLM message out of order: expected sequence number 0, got 1$/);
  });

  it('stays refused after a bad message, since the RC4 streams are no longer in step', () => {
    const { client, server } = pair();
    const bad = client.wrap(Buffer.from('one'));
    bad.signature[5]! ^= 0xff;
    expect(() => server.unwrap(bad.sealed, bad.signature)).toThrow(/does not match/);
    const next = client.wrap(Buffer.from('two'));
    expect(() => server.unwrap(next.sealed, next.signature)).toThrow(/out of step .* authenticate again/);
  });

  it('refuses a truncated signature or a wrong signature version', () => {
    const { client, server } = pair();
    const out = client.wrap(Buffer.from('x'));
    expect(() => server.unwrap(out.sealed, out.signature.subarray(0, 12))).toThrow(/^NTLM signature must be 16 bytes, got 12$/);
    const other = pair();
    const msg = other.client.wrap(Buffer.from('x'));
    msg.signature.writeUInt32LE(2, 0);
    expect(() => other.server.unwrap(msg.sealed, msg.signature)).toThrow(/^NTLM signature has version 2, expected 1$/);
  });

  it('refuses to encrypt when sealing was not negotiated', () => {
    const { client } = pair((FLAGS & ~Flag.SEAL) >>> 0);
    expect(() => client.wrap(Buffer.from('x'))).toThrow(/sealing was not negotiated/);
  });

  it('refuses a session without extended session security', () => {
    expect(() => pair((FLAGS & ~Flag.EXTENDED_SESSION_SECURITY) >>> 0)).toThrow(/extended session security/);
  });
});
