import { basicAuthorization, ntlmHandshake, offeredSchemes, type FirstRequest } from './auth.js';
import { decryptBody, encryptBody } from './encryption.js';
import { HttpConnection, type HttpReply } from './http-connection.js';
import { kerberosHandshake } from './kerberos-auth.js';
import { NtlmClient, type NtlmSession } from './ntlm/index.js';
import type { Envelope } from './soap-messages.js';
import { parseWsmanResponse, type WsmanResponse } from './soap-response.js';
import type { WinrmFailure } from './winrm-errors.js';
import type { WinrmTarget } from './winrm-target.js';

/**
 * Sends envelopes to one listener and hands back parsed answers or failures. It opens the connection,
 * authenticates it (NTLM, Basic, or Kerberos over HTTPS), seals every body over HTTP (never a SOAP body in
 * clear), reopens and re-authenticates when the server closed an idle connection, and reads each answer:
 * sealed or not, fault or not, SOAP or not.
 */

export type ExchangeResult = { ok: true; response: WsmanResponse } | { ok: false; failure: WinrmFailure };

export interface ExchangeOptions {
  timeoutMs: number;
  /** The WS-Management operation, named in timeout and closed-connection reasons. */
  operation: string;
}

const SOAP_CONTENT_TYPE = 'application/soap+xml;charset=UTF-8';
const SCHEME = { ntlm: 'NTLM', basic: 'Basic', kerberos: 'Kerberos' } as const;

// The binding's wrap() only makes SASL security-layer tokens (a 4-byte header, never the data given), and
// there is no wrap_iov: WinRM's HTTP-Kerberos-session-encrypted bodies cannot be made with it.
const KERBEROS_OVER_HTTP =
  'Kerberos on HTTP needs message encryption, which the kerberos binding cannot do (it has no GSS wrap of arbitrary data); use HTTPS (useSsl) or NTLM';
const SEALED = /^multipart\/(x-multi-)?encrypted/i;

export class WsmanChannel {
  private conn: HttpConnection | undefined;
  private session: NtlmSession | undefined;
  private authenticated = false;

  /**
   * `known`: this listener has answered before (a cleanup channel), so a first answer that does not come is a
   * timeout of that operation, not a sign that the port is no WinRM listener.
   */
  constructor(
    private readonly target: WinrmTarget,
    private signal?: AbortSignal,
    private readonly known = false,
  ) {}

  /** Ignores the abort signal from now on, keeping the authenticated connection for Signal and Delete. */
  disarm(): void {
    this.signal = undefined;
    this.conn?.disarm();
  }

  /** Open, authenticated and not in the middle of a request: fit for one more exchange at once. */
  get idle(): boolean {
    return !!this.conn && this.conn.isOpen && !this.conn.busy && this.authenticated;
  }

  async exchange(envelope: Envelope, options: ExchangeOptions): Promise<ExchangeResult> {
    const t = this.target;
    if (this.signal?.aborted) return { ok: false, failure: { kind: 'aborted' } };
    if (!t.https && t.auth === 'basic') {
      const message =
        'Basic over HTTP refused: the password and every body would travel in clear (Windows refuses it too unless AllowUnencrypted=true); use HTTPS or NTLM';
      return { ok: false, failure: { kind: 'config', stage: 'auth', message } };
    }
    if (!t.https && t.auth === 'kerberos') return { ok: false, failure: { kind: 'config', stage: 'auth', message: KERBEROS_OVER_HTTP } };
    if (!this.conn?.isOpen) {
      this.conn?.destroy();
      this.conn = new HttpConnection(t, this.signal);
      this.authenticated = false;
      this.session = undefined;
      const opened = await this.conn.open();
      if (!opened.ok) return opened;
    }
    const conn = this.conn;
    const soap = envelope.xml;
    const fresh = !this.authenticated;
    const first = fresh && !this.known;
    const timing = {
      timeoutMs: first ? t.connectTimeoutMs : options.timeoutMs,
      onTimeout: first
        ? ({ kind: 'connect-timeout', phase: 'http', ms: t.connectTimeoutMs } as const)
        : ({ kind: 'response-timeout', ms: options.timeoutMs, operation: options.operation } as const),
      operation: options.operation,
    };
    let reply: HttpReply;
    if (t.auth === 'basic') {
      const sent = await conn.post({ Authorization: basicAuthorization(t.user, t.password), 'Content-Type': SOAP_CONTENT_TYPE }, Buffer.from(soap, 'utf8'), timing);
      if (!sent.ok) return sent;
      reply = sent.reply;
    } else if (t.auth === 'kerberos' && fresh) {
      const shake = await kerberosHandshake(conn, t, this.frame(undefined, soap), timing, this.signal);
      if (!shake.ok) {
        // Refused, or the service did not prove who it is: nothing more goes over this connection.
        this.close();
        return shake;
      }
      reply = shake.reply;
    } else if (fresh) {
      let client: NtlmClient;
      try {
        client = new NtlmClient({ user: t.user, password: t.password });
      } catch (e) {
        return { ok: false, failure: { kind: 'config', stage: 'auth', message: (e as Error).message } };
      }
      const shake = await ntlmHandshake(conn, client, {
        helloTimeoutMs: timing.timeoutMs,
        onHelloTimeout: timing.onTimeout,
        requestTimeoutMs: options.timeoutMs,
        operation: options.operation,
        tlsServerCertificate: t.https ? conn.peerCertificate : undefined,
        first: (session) => this.frame(session, soap),
      });
      if (!shake.ok) {
        if (!shake.reply) return shake;
        // The empty negotiate POST got something other than a challenge: say what it was.
        const read = this.read(shake.reply, envelope);
        return read.ok ? { ok: false, failure: { kind: 'auth-protocol', scheme: 'NTLM', message: 'the service answered without asking for authentication' } } : read;
      }
      this.session = shake.session;
      reply = shake.reply;
    } else {
      const framed = this.frame(this.session, soap);
      const sent = await conn.post(framed.headers, framed.body, timing);
      if (!sent.ok) return sent;
      reply = sent.reply;
    }
    if (reply.status === 401) {
      this.close();
      return { ok: false, failure: { kind: 'unauthorized', scheme: SCHEME[t.auth], offered: offeredSchemes(reply) } };
    }
    this.authenticated = true;
    return this.read(reply, envelope);
  }

  /** Plain SOAP over TLS; over HTTP the body is sealed with the connection's NTLM session. */
  private frame(session: NtlmSession | undefined, soap: string): FirstRequest {
    if (this.target.https) return { headers: { 'Content-Type': SOAP_CONTENT_TYPE }, body: Buffer.from(soap, 'utf8') };
    // Never reached (HTTP takes NTLM only), and never a body in clear if it were.
    if (!session) throw new Error('no NTLM session to seal an HTTP body with');
    const sealed = encryptBody(session, soap, SOAP_CONTENT_TYPE);
    return { headers: { 'Content-Type': sealed.contentType }, body: sealed.body };
  }

  /** Turns one HTTP answer into a response or the failure it spells. */
  private read(reply: HttpReply, envelope: Envelope): ExchangeResult {
    const contentType = String(reply.headers['content-type'] ?? '');
    let body = reply.body;
    if (SEALED.test(contentType)) {
      if (!this.session) return { ok: false, failure: { kind: 'not-soap', status: reply.status, contentType, detail: 'a sealed answer before any NTLM session' } };
      try {
        body = decryptBody(this.session, body, contentType);
      } catch (e) {
        // The two sides' sealing sequences no longer agree: this connection's session is spent.
        this.close();
        return { ok: false, failure: { kind: 'not-soap', status: reply.status, contentType, detail: `the sealed answer cannot be opened: ${(e as Error).message}` } };
      }
    }
    const httpStatus: WinrmFailure = { kind: 'http-status', status: reply.status, statusText: reply.statusText };
    if (body.length === 0) {
      return { ok: false, failure: reply.status === 200 ? { kind: 'not-soap', status: 200, contentType, detail: 'the body is empty' } : httpStatus };
    }
    const parsed = parseWsmanResponse(decodeText(body, contentType));
    if (!parsed.ok) {
      return { ok: false, failure: reply.status === 200 ? { kind: 'not-soap', status: 200, contentType, detail: parsed.reason } : httpStatus };
    }
    const { response } = parsed;
    if (response.fault) return { ok: false, failure: { kind: 'fault', status: reply.status, fault: response.fault } };
    if (reply.status !== 200) return { ok: false, failure: httpStatus };
    if (response.relatesTo && response.relatesTo.toLowerCase() !== envelope.messageId.toLowerCase()) {
      return { ok: false, failure: { kind: 'not-soap', status: 200, contentType, detail: 'its RelatesTo names another request' } };
    }
    return { ok: true, response };
  }

  /** Drops the connection; a later exchange opens and authenticates a new one. */
  close(): void {
    this.conn?.destroy();
    this.conn = undefined;
    this.session = undefined;
    this.authenticated = false;
  }
}

/** WinRM writes UTF-8; UTF-16 is honoured when the content type or a byte order mark says so. */
function decodeText(body: Buffer, contentType: string): string {
  if (/charset="?utf-16/i.test(contentType) || (body[0] === 0xff && body[1] === 0xfe)) return body.toString('utf16le').replace(/^\uFEFF/, '');
  return body.toString('utf8').replace(/^\uFEFF/, '');
}
