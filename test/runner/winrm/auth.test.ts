import { describe, expect, it } from 'vitest';
import { basicAuthorization, negotiateToken, offeredSchemes } from '../../../src/runner/winrm/auth.js';
import type { HttpReply } from '../../../src/runner/winrm/http-connection.js';

function reply(wwwAuthenticate: string | string[] | undefined): HttpReply {
  return { status: 401, statusText: 'Unauthorized', headers: wwwAuthenticate === undefined ? {} : { 'www-authenticate': wwwAuthenticate as string }, body: Buffer.alloc(0) };
}

describe('a 401', () => {
  it('offers the schemes of each WWW-Authenticate challenge, however Node joined them', () => {
    // What a default Windows Server answers: Negotiate and Kerberos, no Basic.
    expect(offeredSchemes(reply('Negotiate, Kerberos'))).toEqual(['Negotiate', 'Kerberos']);
    expect(offeredSchemes(reply(['Negotiate', 'Basic realm="WSMAN"', 'Kerberos']))).toEqual(['Negotiate', 'Basic', 'Kerberos']);
    expect(offeredSchemes(reply('Basic realm="WSMAN", Negotiate'))).toEqual(['Basic', 'Negotiate']);
    expect(offeredSchemes(reply(undefined))).toEqual([]);
  });

  it('carries the NTLM challenge as the token of its Negotiate challenge', () => {
    const token = Buffer.from('NTLMSSP\0\x02\0\0\0', 'latin1');
    expect(negotiateToken(reply(`Negotiate ${token.toString('base64')}`))?.equals(token)).toBe(true);
    expect(negotiateToken(reply(['Basic realm="WSMAN"', `Negotiate ${token.toString('base64')}`]))?.equals(token)).toBe(true);
  });

  it('without a token is a refusal, not a challenge', () => {
    expect(negotiateToken(reply('Negotiate'))).toBeUndefined();
    expect(negotiateToken(reply('Negotiate, Kerberos'))).toBeUndefined();
  });
});

describe('Basic', () => {
  it('is the UTF-8 user:password in base64', () => {
    expect(basicAuthorization('scan', 'pässwörd')).toBe(`Basic ${Buffer.from('scan:pässwörd', 'utf8').toString('base64')}`);
  });
});
