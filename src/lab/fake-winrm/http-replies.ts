import type { HttpResponse } from './http-wire.js';

// The HTTP answers of WinRM behind HTTP.sys, header for header and in captured order: no reason phrase,
// `Server: Microsoft-HTTPAPI/2.0`, `Date`, `Content-Length` last.

const SERVER: [string, string] = ['Server', 'Microsoft-HTTPAPI/2.0'];
const date = (): [string, string] => ['Date', new Date().toUTCString()];
const length = (body?: Buffer): [string, string] => ['Content-Length', String(body?.length ?? 0)];

export const SOAP_CONTENT_TYPE = 'application/soap+xml;charset=UTF-8';

/**
 * The schemes a listener offers, in Windows' order: Negotiate, `Basic realm="WSMAN"` when Basic is on, and
 * Kerberos, which WinRM's service auth has on by default (a host outside a domain offers it too).
 */
export function authOffers(basic: boolean): string[] {
  return basic ? ['Negotiate', 'Basic realm="WSMAN"', 'Kerberos'] : ['Negotiate', 'Kerberos'];
}

/** 401 for a request without usable credentials, or with wrong ones: WinRM also closes the connection. */
export function authRequired(offers: string[]): HttpResponse {
  return {
    status: 401,
    headers: [SERVER, ...offers.map((o): [string, string] => ['WWW-Authenticate', o]), date(), ['Connection', 'close'], length()],
    close: true,
  };
}

/** 401 carrying the NTLM CHALLENGE_MESSAGE; the connection stays open for the AUTHENTICATE_MESSAGE. */
export function negotiateChallenge(token: Buffer): HttpResponse {
  return { status: 401, headers: [['WWW-Authenticate', `Negotiate ${token.toString('base64')}`], SERVER, date(), length()] };
}

/**
 * The answer that completes a Kerberos logon carries the service's token (mutual authentication) right
 * before `Server`, under the scheme the client used, as Windows sends it.
 */
export function withAuthToken(res: HttpResponse, scheme: string, token: string): HttpResponse {
  const at = res.headers.findIndex(([k]) => k === 'Server');
  const headers = [...res.headers];
  headers.splice(at < 0 ? 0 : at, 0, ['WWW-Authenticate', `${scheme} ${token}`]);
  return { ...res, headers };
}

/** A SOAP answer: 200, or 500 for a fault, plain or sealed (`contentType` then is multipart/encrypted). */
export function soapReply(status: 200 | 500, body: Buffer, contentType: string): HttpResponse {
  return { status, headers: [['Content-Type', contentType], SERVER, date(), length(body)], body };
}

/** 200 with no body: what an authenticated empty POST (a client setting up encryption) gets. */
export function emptyOk(): HttpResponse {
  return { status: 200, headers: [SERVER, date(), length()] };
}

/** 500 with no body: an unencrypted envelope over HTTP while AllowUnencrypted is false (the default). */
export function unencryptedRefused(): HttpResponse {
  return { status: 500, headers: [SERVER, date(), length()] };
}

/** 400 with no body: a sealed message that fails its signature or framing. */
export function badRequest(): HttpResponse {
  return { status: 400, headers: [SERVER, date(), ['Connection', 'close'], length()], close: true };
}

/** 405 for anything but POST on /wsman. */
export function methodNotAllowed(): HttpResponse {
  return { status: 405, headers: [['Allow', 'POST'], SERVER, date(), ['Connection', 'close'], length()], close: true };
}

const NOT_FOUND_PAGE = Buffer.from(
  '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">\r\n' +
  '<HTML><HEAD><TITLE>Not Found</TITLE>\r\n' +
  '<META HTTP-EQUIV="Content-Type" Content="text/html; charset=us-ascii"></HEAD>\r\n' +
  '<BODY><h2>Not Found</h2>\r\n<hr><p>HTTP Error 404. The requested resource is not found.</p>\r\n</BODY></HTML>\r\n',
  'latin1');

/** HTTP.sys's own 404 page for a URL no listener registered (anything but /wsman). */
export function notFound(): HttpResponse {
  return {
    status: 404, reason: 'Not Found',
    headers: [['Content-Type', 'text/html; charset=us-ascii'], SERVER, date(), ['Connection', 'close'], length(NOT_FOUND_PAGE)],
    body: NOT_FOUND_PAGE, close: true,
  };
}
