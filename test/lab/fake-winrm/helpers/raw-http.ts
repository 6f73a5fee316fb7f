import net from 'node:net';
import tls from 'node:tls';

/** One answer as it came off the wire: the status line verbatim, headers in order. */
export interface RawResponse {
  statusLine: string;
  status: number;
  headers: [string, string][];
  body: Buffer;
}

export function headerValues(res: RawResponse, name: string): string[] {
  return res.headers.filter(([k]) => k.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
}

/**
 * A bare HTTP/1.1 client on one socket, written for the fake's tests: it shows bytes exactly as sent
 * (status line, header order), which Node's http client would normalise away.
 */
export class RawConnection {
  private static readonly open_ = new Set<RawConnection>();
  private buf = Buffer.alloc(0);
  private waiting: (() => void) | undefined;
  private ended = false;

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (d: Buffer) => {
      this.buf = Buffer.concat([this.buf, d]);
      this.waiting?.();
    });
    RawConnection.open_.add(this);
    socket.on('close', () => {
      RawConnection.open_.delete(this);
      this.ended = true;
      this.waiting?.();
    });
    socket.on('error', () => {});
  }

  static open(host: string, port: number, secure?: { ca: Buffer | string }): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = secure ? tls.connect({ host, port, ca: secure.ca }) : net.connect({ host, port });
      socket.once(secure ? 'secureConnect' : 'connect', () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  /** True once the server has closed the connection (or within `ms`). */
  async closedWithin(ms: number): Promise<boolean> {
    const end = Date.now() + ms;
    while (!this.ended && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    return this.ended;
  }

  get peerCertificate(): Buffer | undefined {
    return this.socket instanceof tls.TLSSocket ? this.socket.getPeerCertificate().raw : undefined;
  }

  async request(headers: [string, string][], body: Buffer = Buffer.alloc(0), target = '/wsman', method = 'POST', timeoutMs = 30_000): Promise<RawResponse> {
    const head = [`${method} ${target} HTTP/1.1`, ['Host', `${this.socket.remoteAddress}:${this.socket.remotePort}`].join(': '),
      ...headers.map(([k, v]) => `${k}: ${v}`), `Content-Length: ${body.length}`, '', ''].join('\r\n');
    this.socket.write(Buffer.concat([Buffer.from(head, 'latin1'), body]));
    return this.read(timeoutMs);
  }

  private async read(timeoutMs: number): Promise<RawResponse> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = this.buf.indexOf('\r\n\r\n');
      if (end >= 0) {
        const lines = this.buf.subarray(0, end).toString('latin1').split('\r\n');
        const headers = lines.slice(1).map((l): [string, string] => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]);
        const length = Number(headers.find(([k]) => k.toLowerCase() === 'content-length')?.[1] ?? 0);
        if (this.buf.length >= end + 4 + length) {
          const body = this.buf.subarray(end + 4, end + 4 + length);
          this.buf = this.buf.subarray(end + 4 + length);
          return { statusLine: lines[0]!, status: Number(lines[0]!.split(' ')[1]), headers, body };
        }
      }
      if (this.ended) throw new Error('connection closed before a whole response');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no response within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiting = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
  }

  close(): void {
    this.socket.destroy();
  }

  /** Closes every connection still open, so a failed test leaves none behind (for afterEach). */
  static closeAll(): void {
    for (const c of RawConnection.open_) c.close();
  }
}
