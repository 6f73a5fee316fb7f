import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import { fingerprints, matchesPin, normalizeThumbprint } from './cert-pin.js';
import type { WinrmFailure } from './winrm-errors.js';
import { hostPort, type WinrmTarget } from './winrm-target.js';

/**
 * One keep-alive HTTP(S) connection on a socket this module owns. NTLM authenticates the connection, not
 * the request, so requests must not wander to another socket the way an agent's pool lets them; a socket
 * the server closed is seen as closed, never silently replaced.
 */

export interface HttpReply {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export type HttpResult = { ok: true; reply: HttpReply } | { ok: false; failure: WinrmFailure };
export type OpenResult = { ok: true } | { ok: false; failure: WinrmFailure };

export interface PostOptions {
  timeoutMs: number;
  /** What a timeout is called: the first answer on a fresh connection is a connect problem, later ones are not. */
  onTimeout: WinrmFailure;
  /** Named in a "connection closed during ..." reason. */
  operation: string;
}

/** WS-Management answers stay under MaxEnvelopeSize (150 KiB); anything far larger is not WinRM talking. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|INVALID_CA|INVALID_PURPOSE)/;

function networkFailure(e: NodeJS.ErrnoException, secure: boolean, during: string): WinrmFailure {
  const code = e.code ?? '';
  if (TLS_CODE.test(code) || (secure && /ssl|tls|certificate/i.test(e.message))) return { kind: 'tls', code, message: e.message };
  if (code === 'ECONNRESET' || e.message === 'socket hang up') return { kind: 'closed', during };
  return { kind: 'network', code, message: e.message };
}

export class HttpConnection {
  private socket: net.Socket | undefined;
  private open_ = false;
  private busy_ = false;
  private cert: Buffer | undefined;

  constructor(
    private readonly target: WinrmTarget,
    private signal?: AbortSignal,
  ) {}

  /**
   * Stops heeding the abort signal. An abort cuts the request in flight, not an idle connection, so an idle one
   * can then carry the bounded Signal and Delete that follow the abort without a new handshake.
   */
  disarm(): void {
    this.signal = undefined;
  }

  /** Connected and not closed by either side. */
  get isOpen(): boolean {
    return this.open_;
  }

  /** A request is on the wire: another must wait, or take another connection. */
  get busy(): boolean {
    return this.busy_;
  }

  /** The server's leaf certificate (DER), for NTLM channel binding over HTTPS. */
  get peerCertificate(): Buffer | undefined {
    return this.cert;
  }

  /** TCP, then TLS for HTTPS with the certificate checked before a byte is sent; each within connectTimeoutMs. */
  open(): Promise<OpenResult> {
    if (this.signal?.aborted) return Promise.resolve({ ok: false, failure: { kind: 'aborted' } });
    const t = this.target;
    const options = t.https ? this.tlsOptions() : undefined;
    if (options && 'failure' in options) return Promise.resolve({ ok: false, failure: options.failure });
    const signal = this.signal;
    return new Promise((resolve) => {
      let settled = false;
      let phase: 'tcp' | 'tls' = 'tcp';
      const socket = options ? tls.connect({ ...options.connect, host: t.address, port: t.port }) : net.connect({ host: t.address, port: t.port });
      this.socket = socket;
      const finish = (result: OpenResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (!result.ok) socket.destroy();
        else this.open_ = true;
        resolve(result);
      };
      const arm = (): NodeJS.Timeout => setTimeout(() => finish({ ok: false, failure: { kind: 'connect-timeout', phase, ms: t.connectTimeoutMs } }), t.connectTimeoutMs);
      let timer = arm();
      const onAbort = (): void => finish({ ok: false, failure: { kind: 'aborted' } });
      signal?.addEventListener('abort', onAbort, { once: true });
      // Kept for the socket's whole life: an idle keep-alive socket must not throw on a reset.
      socket.on('error', (e: NodeJS.ErrnoException) => finish({ ok: false, failure: networkFailure(e, phase === 'tls', 'connect') }));
      socket.on('close', () => {
        this.open_ = false;
        finish({ ok: false, failure: { kind: 'closed', during: phase === 'tls' ? 'the TLS handshake' : 'connect' } });
      });
      socket.once('connect', () => {
        socket.setKeepAlive(true, 30_000);
        socket.setNoDelay(true);
        if (!options) return finish({ ok: true });
        phase = 'tls';
        clearTimeout(timer);
        timer = arm();
      });
      if (!options) return;
      (socket as tls.TLSSocket).once('secureConnect', () => {
        const der = (socket as tls.TLSSocket).getPeerCertificate().raw;
        this.cert = der;
        if (options.pin && (!der || !matchesPin(der, options.pin))) {
          const f = der ? fingerprints(der) : { sha1: 'none', sha256: 'none' };
          return finish({ ok: false, failure: { kind: 'pin-mismatch', sha1: f.sha1, sha256: f.sha256 } });
        }
        finish({ ok: true });
      });
    });
  }

  private tlsOptions(): { connect: tls.ConnectionOptions; pin?: string } | { failure: WinrmFailure } {
    const t = this.target;
    const connect: tls.ConnectionOptions = {};
    // SNI carries host names only; an address is checked against the certificate's IP SANs.
    if (!net.isIP(t.address)) connect.servername = t.address;
    if (t.tls?.insecure) {
      connect.rejectUnauthorized = false;
      connect.checkServerIdentity = () => undefined;
      return { connect };
    }
    let pin: string | undefined;
    if (t.tls?.certThumbprint !== undefined) {
      const normalized = normalizeThumbprint(t.tls.certThumbprint);
      if (!normalized.ok) return { failure: { kind: 'config', stage: 'connect', message: normalized.message } };
      pin = normalized.hex;
    }
    if (t.tls?.caFile) {
      try {
        connect.ca = readFileSync(t.tls.caFile);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
        return { failure: { kind: 'config', stage: 'connect', message: `cannot read tls.caFile ${t.tls.caFile}: ${code}` } };
      }
      connect.rejectUnauthorized = true;
    } else if (pin) {
      // A pin without a CA file trusts exactly that certificate, the way a self-signed WinRM listener is trusted.
      connect.rejectUnauthorized = false;
      connect.checkServerIdentity = () => undefined;
    } else {
      connect.rejectUnauthorized = true;
    }
    return { connect, pin };
  }

  /** One POST to /wsman on this socket; resolves with the whole answer or a failure, never rejects. */
  post(headers: Record<string, string>, body: Buffer, options: PostOptions): Promise<HttpResult> {
    const socket = this.socket;
    if (this.signal?.aborted) return Promise.resolve({ ok: false, failure: { kind: 'aborted' } });
    if (!socket || !this.open_ || socket.destroyed) return Promise.resolve({ ok: false, failure: { kind: 'closed', during: options.operation } });
    if (this.busy_) throw new Error('HttpConnection.post while a request is in flight');
    this.busy_ = true;
    const signal = this.signal;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: HttpResult, keep: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.busy_ = false;
        if (!keep) this.destroy();
        resolve(result);
      };
      const timer = setTimeout(() => finish({ ok: false, failure: options.onTimeout }, false), options.timeoutMs);
      const onAbort = (): void => finish({ ok: false, failure: { kind: 'aborted' } }, false);
      signal?.addEventListener('abort', onAbort, { once: true });
      const req = http.request(
        {
          method: 'POST',
          path: '/wsman',
          setHost: false,
          createConnection: () => socket,
          headers: {
            Host: hostPort(this.target),
            'User-Agent': 'fleet-scan WinRM client',
            Connection: 'Keep-Alive',
            ...headers,
            'Content-Length': String(body.length),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size > MAX_BODY_BYTES) return finish({ ok: false, failure: { kind: 'too-large', limit: MAX_BODY_BYTES } }, false);
            chunks.push(c);
          });
          res.on('end', () => {
            const keep = !/close/i.test(String(res.headers.connection ?? ''));
            const reply = { status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: res.headers, body: Buffer.concat(chunks) };
            finish({ ok: true, reply }, keep);
          });
          res.on('error', (e: NodeJS.ErrnoException) => finish({ ok: false, failure: networkFailure(e, this.target.https, options.operation) }, false));
        },
      );
      req.on('error', (e: NodeJS.ErrnoException) => finish({ ok: false, failure: networkFailure(e, this.target.https, options.operation) }, false));
      req.end(body);
    });
  }

  /** Closes the socket at once; whatever was in flight resolves as a failure. */
  destroy(): void {
    this.open_ = false;
    this.socket?.destroy();
  }
}
