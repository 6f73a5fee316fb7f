import net from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { header, serveHttp, type HttpRequest } from '../../../src/lab/fake-winrm/http-wire.js';
import { RawConnection } from './helpers/raw-http.js';

describe('serveHttp and writeResponse', () => {
  const seen: HttpRequest[] = [];
  let server: net.Server;
  let port = 0;

  beforeAll(async () => {
    server = net.createServer((s) => serveHttp(s, async (req) => {
      seen.push(req);
      if (header(req, 'x-silent')) return undefined;
      return { status: 401, headers: [['B-Second', '2'], ['A-First', '1'], ['Content-Length', String(req.body.length)]], body: req.body, close: header(req, 'x-close') !== undefined };
    }));
    await new Promise<void>((r) => server.listen({ host: '127.0.0.1', port: 0 }, r));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  test('the status line has no reason phrase and headers keep the order given', async () => {
    const c = await RawConnection.open('127.0.0.1', port);
    const res = await c.request([], Buffer.from('abc'));
    expect(res.statusLine).toBe('HTTP/1.1 401 ');
    expect(res.headers).toEqual([['B-Second', '2'], ['A-First', '1'], ['Content-Length', '3']]);
    expect(res.body.toString()).toBe('abc');
    c.close();
  });

  test('requests on one keep-alive connection are answered in turn, headers read case-insensitively', async () => {
    const c = await RawConnection.open('127.0.0.1', port);
    await c.request([['AUTHORIZATION', 'one']]);
    await c.request([['authorization', 'two']]);
    expect(seen.slice(-2).map((r) => header(r, 'Authorization'))).toEqual(['one', 'two']);
    c.close();
  });

  test('a chunked body is reassembled', async () => {
    const c = await RawConnection.open('127.0.0.1', port);
    c.socket.write('POST /wsman HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n');
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.at(-1)?.body.toString()).toBe('abcde');
    c.close();
  });

  test('close: true ends the connection after the answer', async () => {
    const c = await RawConnection.open('127.0.0.1', port);
    await c.request([['X-Close', '1']]);
    expect(await c.closedWithin(2000)).toBe(true);
  });

  test('a request line that is not HTTP ends the connection without an answer', async () => {
    const c = await RawConnection.open('127.0.0.1', port);
    c.socket.write('HELLO\r\n\r\n');
    expect(await c.closedWithin(2000)).toBe(true);
  });
});
