import type { Socket } from 'node:net';

/** One HTTP/1.1 request off the wire; header names lower-cased, repeated headers kept in order. */
export interface HttpRequest {
  method: string;
  target: string;
  headers: Map<string, string[]>;
  body: Buffer;
}

/** A response written byte for byte: the status line with an empty reason, headers in the order given. */
export interface HttpResponse {
  status: number;
  /** Empty for WinRM's own answers; HTTP.sys fills it in for the ones it makes itself. */
  reason?: string;
  headers: [string, string][];
  body?: Buffer;
  /** Close the connection once written. */
  close?: boolean;
}

export function header(req: HttpRequest, name: string): string | undefined {
  return req.headers.get(name.toLowerCase())?.[0];
}

const MAX_HEAD = 64 * 1024;
const MAX_BODY = 32 * 1024 * 1024;

type Head = { method: string; target: string; headers: Map<string, string[]> };

function parseHead(text: string): Head | undefined {
  const lines = text.split('\r\n');
  const m = /^([A-Z]+) (\S+) HTTP\/1\.[01]$/.exec(lines[0] ?? '');
  if (!m) return undefined;
  const headers = new Map<string, string[]>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  return { method: m[1]!, target: m[2]!, headers };
}

/** Decodes a complete chunked body from `buf`, or undefined while more bytes are needed. */
function dechunk(buf: Buffer): { body: Buffer; used: number } | undefined | 'bad' {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = buf.indexOf('\r\n', at);
    if (eol < 0) return undefined;
    const size = parseInt(buf.subarray(at, eol).toString('latin1').split(';')[0]!.trim(), 16);
    if (!Number.isInteger(size) || size < 0) return 'bad';
    if (size === 0) {
      const end = buf.indexOf('\r\n\r\n', eol);
      return end < 0 ? undefined : { body: Buffer.concat(parts), used: end + 4 };
    }
    if (buf.length < eol + 2 + size + 2) return undefined;
    parts.push(buf.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

/**
 * Reads requests from `socket` one at a time: the next is parsed only after `handle` has answered the
 * previous one, as a client without pipelining expects. A request that cannot be read ends the socket.
 */
export function serveHttp(socket: Socket, handle: (req: HttpRequest) => Promise<HttpResponse | undefined>): void {
  let buf = Buffer.alloc(0);
  let busy = false;
  let continued = -1;
  const next = async (): Promise<void> => {
    if (busy || socket.destroyed) return;
    const headEnd = buf.indexOf('\r\n\r\n');
    if (headEnd < 0) {
      if (buf.length > MAX_HEAD) socket.destroy();
      return;
    }
    const head = parseHead(buf.subarray(0, headEnd).toString('latin1'));
    if (!head) return void socket.destroy();
    const rest = buf.subarray(headEnd + 4);
    let body: Buffer;
    let used: number;
    if (/chunked/i.test(head.headers.get('transfer-encoding')?.join(',') ?? '')) {
      const d = dechunk(rest);
      if (d === 'bad' || rest.length > MAX_BODY) return void socket.destroy();
      if (!d) return;
      ({ body, used } = d);
    } else {
      const length = Number(head.headers.get('content-length')?.[0] ?? 0);
      if (!Number.isInteger(length) || length < 0 || length > MAX_BODY) return void socket.destroy();
      if (rest.length < length) {
        // curl and .NET wait for this before a large body.
        if (/100-continue/i.test(head.headers.get('expect')?.[0] ?? '') && continued !== headEnd) {
          continued = headEnd;
          socket.write('HTTP/1.1 100 Continue\r\n\r\n');
        }
        return;
      }
      body = rest.subarray(0, length);
      used = length;
    }
    buf = rest.subarray(used);
    continued = -1;
    busy = true;
    const res = await handle({ ...head, body });
    busy = false;
    if (res && !socket.destroyed) {
      writeResponse(socket, res);
      const wantsClose = /close/i.test(head.headers.get('connection')?.join(',') ?? '');
      if (res.close || wantsClose) return void socket.end();
    }
    void next();
  };
  socket.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    void next();
  });
}

/** `HTTP/1.1 401 ` (WinRM sends no reason phrase) and the headers exactly as given. */
function writeResponse(socket: Socket, res: HttpResponse): void {
  const head = [`HTTP/1.1 ${res.status} ${res.reason ?? ''}`, ...res.headers.map(([k, v]) => `${k}: ${v}`), '', ''].join('\r\n');
  socket.write(res.body && res.body.length > 0 ? Buffer.concat([Buffer.from(head, 'latin1'), res.body]) : Buffer.from(head, 'latin1'));
}
