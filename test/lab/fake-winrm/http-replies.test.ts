import { describe, expect, test } from 'vitest';
import {
  authOffers, authRequired, badRequest, emptyOk, methodNotAllowed, negotiateChallenge, notFound, soapReply, unencryptedRefused, withAuthToken,
} from '../../../src/lab/fake-winrm/http-replies.js';

const names = (r: { headers: [string, string][] }) => r.headers.map(([k]) => k);

describe("WinRM's HTTP answers", () => {
  test('with Basic on, Negotiate is offered first, Basic with realm WSMAN second and Kerberos last; with it off, Negotiate and Kerberos', () => {
    expect(authOffers(true)).toEqual(['Negotiate', 'Basic realm="WSMAN"', 'Kerberos']);
    expect(authOffers(false)).toEqual(['Negotiate', 'Kerberos']);
  });

  test("the service's Kerberos token goes in right before Server, under the client's scheme, and nothing else moves", () => {
    const plain = soapReply(200, Buffer.from('<a/>'), 'text/xml');
    const signed = withAuthToken(plain, 'Negotiate', 'oYG3');
    expect(names(signed)).toEqual(['Content-Type', 'WWW-Authenticate', 'Server', 'Date', 'Content-Length']);
    expect(signed.headers[1]).toEqual(['WWW-Authenticate', 'Negotiate oYG3']);
    expect(withAuthToken(emptyOk(), 'Kerberos', 'YIGX').headers.map(([k, v]) => (k === 'Date' ? [k] : [k, v]))).toEqual([
      ['WWW-Authenticate', 'Kerberos YIGX'], ['Server', 'Microsoft-HTTPAPI/2.0'], ['Date'], ['Content-Length', '0'],
    ]);
    expect(names(plain)).toEqual(['Content-Type', 'Server', 'Date', 'Content-Length']);
  });

  test('every answer has HTTP.sys\'s Server and Date and ends with Content-Length', () => {
    for (const r of [authRequired(['Negotiate']), negotiateChallenge(Buffer.from('x')), soapReply(200, Buffer.from('<a/>'), 'text/xml'), emptyOk(), unencryptedRefused(), badRequest(), methodNotAllowed(), notFound()]) {
      expect(r.headers).toContainEqual(['Server', 'Microsoft-HTTPAPI/2.0']);
      expect(names(r)).toContain('Date');
      expect(names(r).at(-1)).toBe('Content-Length');
      expect(Number(r.headers.at(-1)![1])).toBe(r.body?.length ?? 0);
    }
  });

  test('the refusals that end the connection say Connection: close; the challenge and SOAP answers keep it', () => {
    expect([authRequired([]), badRequest(), methodNotAllowed(), notFound()].map((r) => [r.close, r.headers.some(([k, v]) => k === 'Connection' && v === 'close')]))
      .toEqual([[true, true], [true, true], [true, true], [true, true]]);
    expect([negotiateChallenge(Buffer.alloc(1)), soapReply(500, Buffer.alloc(1), 'x'), emptyOk(), unencryptedRefused()].map((r) => r.close ?? false))
      .toEqual([false, false, false, false]);
  });

  test('the challenge carries the token in base64 after Negotiate', () => {
    expect(negotiateChallenge(Buffer.from('NTLMSSP\0')).headers[0]).toEqual(['WWW-Authenticate', 'Negotiate TlRMTVNTUAA=']);
  });
});
