import type { HttpConnection, HttpReply, HttpResult } from './http-connection.js';
import type { NtlmClient, NtlmSession } from './ntlm/index.js';
import type { WinrmFailure } from './winrm-errors.js';

/**
 * The 401 handshake. NTLM goes under `Authorization: Negotiate <base64 NTLMSSP>` (Windows takes raw NTLM
 * tokens under Negotiate, and offers Negotiate, not NTLM, by default): negotiate on an empty POST, the
 * challenge comes back with the 401, and the authenticate token rides with the first real request, whose
 * body is already sealed with the session it creates. Basic is one header on every request. Kerberos
 * (kerberos-auth.ts) is one round trip under the same `Negotiate`.
 */

/** `Authorization: Basic base64(user:password)` in UTF-8, which is what Windows decodes. */
export function basicAuthorization(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

function authenticateHeaders(reply: HttpReply): string[] {
  const raw = reply.headers['www-authenticate'];
  if (raw === undefined) return [];
  // Node joins repeated WWW-Authenticate headers with ", "; a scheme starts each challenge.
  const values = Array.isArray(raw) ? raw : [raw];
  return values.flatMap((v) => v.split(/,\s*(?=[A-Za-z][\w-]*(?:\s|$))/)).map((v) => v.trim()).filter(Boolean);
}

/** The schemes a 401 offers (`Negotiate`, `Basic realm="WSMAN"`, `Kerberos`, `CredSSP`), by name. */
export function offeredSchemes(reply: HttpReply): string[] {
  return [...new Set(authenticateHeaders(reply).map((v) => v.split(/\s+/)[0]!))];
}

/** The token of a `<scheme> <base64>` challenge (`Negotiate`, `Kerberos`), if the answer carries one. */
export function schemeToken(reply: HttpReply, scheme: string): Buffer | undefined {
  for (const v of authenticateHeaders(reply)) {
    const m = v.match(/^(\S+)\s+([A-Za-z0-9+/]+={0,2})$/);
    if (m && m[1]!.toLowerCase() === scheme.toLowerCase()) return Buffer.from(m[2]!, 'base64');
  }
  return undefined;
}

/** The token of a `Negotiate <base64>` challenge, if the 401 carries one. */
export function negotiateToken(reply: HttpReply): Buffer | undefined {
  return schemeToken(reply, 'Negotiate');
}

export interface FirstRequest {
  headers: Record<string, string>;
  body: Buffer;
}

export interface HandshakeOptions {
  /** Bounds the challenge, the first answer on a fresh connection, and says what its absence is. */
  helloTimeoutMs: number;
  onHelloTimeout: WinrmFailure;
  /** Bounds the answer to the request that carries the authenticate token. */
  requestTimeoutMs: number;
  operation: string;
  /** Over HTTPS: the server's certificate, which the authenticate token binds to (channel binding). */
  tlsServerCertificate?: Buffer;
  /** Builds the first real request once the session exists (sealed over HTTP, plain over HTTPS). */
  first(session: NtlmSession): FirstRequest;
}

export type HandshakeResult =
  | { ok: true; reply: HttpReply; session: NtlmSession }
  | { ok: false; failure: WinrmFailure; reply?: HttpReply };

function failed(result: Extract<HttpResult, { ok: false }>): HandshakeResult {
  return { ok: false, failure: result.failure };
}

/** Negotiate, challenge, authenticate plus the first request; the caller reads that request's answer. */
export async function ntlmHandshake(conn: HttpConnection, client: NtlmClient, options: HandshakeOptions): Promise<HandshakeResult> {
  const hello = await conn.post({ Authorization: `Negotiate ${client.negotiate().toString('base64')}` }, Buffer.alloc(0), {
    timeoutMs: options.helloTimeoutMs,
    onTimeout: options.onHelloTimeout,
    operation: 'authentication',
  });
  if (!hello.ok) return failed(hello);
  const challenge = hello.reply.status === 401 ? negotiateToken(hello.reply) : undefined;
  if (!challenge) {
    if (hello.reply.status === 401) {
      return { ok: false, failure: { kind: 'unauthorized', scheme: 'NTLM', offered: offeredSchemes(hello.reply) } };
    }
    // Not a 401: the caller names what the answer was (a fault, another status, not SOAP at all).
    return { ok: false, failure: { kind: 'http-status', status: hello.reply.status, statusText: hello.reply.statusText }, reply: hello.reply };
  }
  let token: Buffer;
  let session: NtlmSession;
  try {
    token = client.authenticate(challenge, { tlsServerCertificate: options.tlsServerCertificate });
    session = client.session();
  } catch (e) {
    return { ok: false, failure: { kind: 'auth-protocol', scheme: 'NTLM', message: `the server's challenge is unusable: ${(e as Error).message}` } };
  }
  const first = options.first(session);
  const answer = await conn.post({ ...first.headers, Authorization: `Negotiate ${token.toString('base64')}` }, first.body, {
    timeoutMs: options.requestTimeoutMs,
    onTimeout: { kind: 'response-timeout', ms: options.requestTimeoutMs, operation: options.operation },
    operation: options.operation,
  });
  if (!answer.ok) return failed(answer);
  return { ok: true, reply: answer.reply, session };
}
