import { X509Certificate } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenAndHold } from '../../../src/lab/hold-open-listener.js';
import { HttpConnection, type PostOptions } from '../../../src/runner/winrm/http-connection.js';
import { describeFailure, type WinrmFailure } from '../../../src/runner/winrm/winrm-errors.js';
import type { WinrmTarget } from '../../../src/runner/winrm/winrm-target.js';
import { makeTestCertificates, type Pem, type TestCertificates } from './helpers/test-certs.js';

const POST: PostOptions = { timeoutMs: 2_000, onTimeout: { kind: 'response-timeout', ms: 2_000, operation: 'Receive' }, operation: 'Receive' };

let certs: TestCertificates;
const servers: Array<http.Server> = [];

/** Answers every POST with the client's source port, so a test can tell which socket a request used. */
function echo(req: http.IncomingMessage, res: http.ServerResponse): void {
  req.resume();
  req.on('end', () => res.end(String(req.socket.remotePort)));
}

async function listen(server: http.Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function httpsOn(pem: Pem): Promise<number> {
  return listen(https.createServer({ cert: pem.cert, key: pem.key }, echo));
}

function target(port: number, https: boolean, tls?: WinrmTarget['tls'], address = '127.0.0.1'): WinrmTarget {
  return { address, port, https, auth: 'basic', user: 'scan', password: 'unused', connectTimeoutMs: 1_500, ...(tls ? { tls } : {}) };
}

/** A loopback port nothing listens on (a server took it and gave it back). */
async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function openFailure(t: WinrmTarget): Promise<WinrmFailure> {
  const conn = new HttpConnection(t);
  const opened = await conn.open();
  conn.destroy();
  if (opened.ok) throw new Error('expected the connection to fail');
  return opened.failure;
}

const ports: Record<string, number> = {};

beforeAll(async () => {
  certs = await makeTestCertificates();
  ports.http = await listen(http.createServer(echo));
  ports.good = await httpsOn(certs.good);
  ports.wrongName = await httpsOn(certs.wrongName);
  ports.expired = await httpsOn(certs.expired);
  ports.selfSigned = await httpsOn(certs.selfSigned);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  certs.remove();
});

describe('one connection', () => {
  it('carries every request on the same socket, as NTLM needs', async () => {
    const conn = new HttpConnection(target(ports.http!, false));
    expect(await conn.open()).toEqual({ ok: true });
    const seen = [];
    for (let i = 0; i < 3; i++) {
      const r = await conn.post({}, Buffer.from('x'), POST);
      if (!r.ok) throw new Error(r.failure.kind);
      seen.push(r.reply.body.toString());
    }
    conn.destroy();
    expect(new Set(seen).size).toBe(1);
  });

  it('is seen as closed when the server drops it while idle, and a request on it fails instead of reconnecting', async () => {
    const dropper = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.end('bye');
        setTimeout(() => req.socket.destroy(), 20);
      });
    });
    const port = await listen(dropper);
    const conn = new HttpConnection(target(port, false));
    await conn.open();
    expect((await conn.post({}, Buffer.alloc(0), POST)).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 150));
    expect(conn.isOpen).toBe(false);
    expect(await conn.post({}, Buffer.alloc(0), POST)).toEqual({ ok: false, failure: { kind: 'closed', during: 'Receive' } });
  });

  it('gives up on an answer that does not come, with the failure the caller named', async () => {
    const port = await freePort();
    const hold = await listenAndHold('127.0.0.1', port, 10_000);
    const conn = new HttpConnection(target(port, false));
    expect(await conn.open()).toEqual({ ok: true });
    const started = Date.now();
    const onTimeout: WinrmFailure = { kind: 'connect-timeout', phase: 'http', ms: 300 };
    expect(await conn.post({}, Buffer.alloc(0), { timeoutMs: 300, onTimeout, operation: 'Create' })).toEqual({ ok: false, failure: onTimeout });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(conn.isOpen).toBe(false);
    await hold.close();
  });

  it('ends a request in flight at once when its signal aborts', async () => {
    const silent = http.createServer(() => undefined);
    const port = await listen(silent);
    const abort = new AbortController();
    const conn = new HttpConnection(target(port, false), abort.signal);
    await conn.open();
    const pending = conn.post({}, Buffer.alloc(0), { ...POST, timeoutMs: 30_000 });
    setTimeout(() => abort.abort(), 50);
    const started = Date.now();
    expect(await pending).toEqual({ ok: false, failure: { kind: 'aborted' } });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(conn.isOpen).toBe(false);
  });
});

describe('reaching the port', () => {
  it('names a refused connection', async () => {
    const port = await freePort();
    const f = await openFailure(target(port, false));
    expect(f).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
    expect(describeFailure(f, { where: `127.0.0.1:${port}`, https: false }).reason).toMatch(/^connection refused by 127\.0\.0\.1:\d+: no WinRM listener on that port/);
  });

  it('names a host that DNS does not know', async () => {
    const f = await openFailure(target(5985, false, undefined, 'no-such-host.invalid'));
    expect(f).toMatchObject({ kind: 'network', code: 'ENOTFOUND' });
    expect(describeFailure(f, { where: 'no-such-host.invalid:5985', https: false }).reason).toBe('DNS: cannot resolve no-such-host.invalid');
  });

  it('says the TLS handshake never finished when the port accepts and stays silent', async () => {
    const port = await freePort();
    const hold = await listenAndHold('127.0.0.1', port, 10_000);
    const f = await openFailure({ ...target(port, true, { caFile: certs.caFile }), connectTimeoutMs: 300 });
    await hold.close();
    expect(f).toEqual({ kind: 'connect-timeout', phase: 'tls', ms: 300 });
    expect(describeFailure(f, { where: `127.0.0.1:${port}`, https: true }).reason).toBe(`connected to 127.0.0.1:${port}, but the TLS handshake did not finish within 0.3 s`);
  });

  it('says the port does not speak TLS when HTTPS meets a plain HTTP listener', async () => {
    const f = await openFailure(target(ports.http!, true, { caFile: certs.caFile }));
    expect(f.kind).toBe('tls');
    expect(describeFailure(f, { where: `127.0.0.1:${ports.http}`, https: true }).reason).toMatch(/does not speak TLS \(is it the HTTP port\?/);
  });
});

describe('certificate checks', () => {
  const reason = (f: WinrmFailure): string => describeFailure(f, { where: 'web01:5986', https: true }).reason;

  it('accept a certificate from the given caFile and expose it for channel binding', async () => {
    const conn = new HttpConnection(target(ports.good!, true, { caFile: certs.caFile }));
    expect(await conn.open()).toEqual({ ok: true });
    expect(conn.peerCertificate?.equals(new X509Certificate(certs.good.cert).raw)).toBe(true);
    const r = await conn.post({}, Buffer.alloc(0), POST);
    conn.destroy();
    expect(r.ok && r.reply.status).toBe(200);
  });

  it('use the system CAs by default, to which a private CA is unknown', async () => {
    const f = await openFailure(target(ports.good!, true));
    expect(f).toMatchObject({ kind: 'tls', code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    expect(reason(f)).toBe('TLS: the server certificate of web01:5986 has this error: the SSL certificate is signed by an unknown certificate authority');
  });

  it('name a self-signed certificate', async () => {
    const f = await openFailure(target(ports.selfSigned!, true));
    expect(f).toMatchObject({ kind: 'tls', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(reason(f)).toMatch(/the SSL certificate is self-signed/);
  });

  it('name an expired certificate', async () => {
    const f = await openFailure(target(ports.expired!, true, { caFile: certs.caFile }));
    expect(f).toMatchObject({ kind: 'tls', code: 'CERT_HAS_EXPIRED' });
    expect(reason(f)).toMatch(/the SSL certificate is expired$/);
  });

  it('name a certificate issued to another host', async () => {
    const f = await openFailure(target(ports.wrongName!, true, { caFile: certs.caFile }));
    expect(f).toMatchObject({ kind: 'tls', code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect(reason(f)).toMatch(/contains a common name \(CN\) that does not match the hostname$/);
  });

  it('trust a pinned SHA-1 thumbprint in any case and with separators, and a pinned SHA-256 fingerprint', async () => {
    const x509 = new X509Certificate(certs.selfSigned.cert);
    for (const pin of [x509.fingerprint.toLowerCase(), `\u200e${x509.fingerprint.replace(/:/g, ' ')}`, x509.fingerprint256.replace(/:/g, '')]) {
      const conn = new HttpConnection(target(ports.selfSigned!, true, { certThumbprint: pin }));
      expect(await conn.open()).toEqual({ ok: true });
      conn.destroy();
    }
  });

  it('refuse a certificate that is not the pinned one, before a byte is sent, and name its thumbprint', async () => {
    let requests = 0;
    const counting = https.createServer({ cert: certs.good.cert, key: certs.good.key }, (req, res) => {
      requests++;
      echo(req, res);
    });
    const port = await listen(counting);
    const other = new X509Certificate(certs.selfSigned.cert).fingerprint;
    const f = await openFailure(target(port, true, { certThumbprint: other }));
    const actual = new X509Certificate(certs.good.cert).fingerprint.replace(/:/g, '');
    expect(f).toMatchObject({ kind: 'pin-mismatch', sha1: actual });
    expect(reason(f)).toBe(`TLS: the server certificate of web01:5986 does not match the pinned certThumbprint (its SHA-1 thumbprint is ${actual})`);
    expect(requests).toBe(0);
  });

  it('still check the CA when both caFile and a pin are given', async () => {
    const pin = new X509Certificate(certs.expired.cert).fingerprint;
    const f = await openFailure(target(ports.expired!, true, { caFile: certs.caFile, certThumbprint: pin }));
    expect(f).toMatchObject({ kind: 'tls', code: 'CERT_HAS_EXPIRED' });
  });

  it('refuse a pin that is not a SHA-1 or SHA-256 fingerprint', async () => {
    expect(await openFailure(target(ports.selfSigned!, true, { certThumbprint: 'AB:CD' }))).toEqual({
      kind: 'config',
      stage: 'connect',
      message: 'tls.certThumbprint must be a SHA-1 (40 hex digits) or SHA-256 (64 hex digits) fingerprint',
    });
  });

  it('say so when the caFile cannot be read', async () => {
    const f = await openFailure(target(ports.good!, true, { caFile: '/nonexistent/ca.pem' }));
    expect(f).toEqual({ kind: 'config', stage: 'connect', message: 'cannot read tls.caFile /nonexistent/ca.pem: ENOENT' });
  });

  it('are all skipped only by insecure', async () => {
    for (const port of [ports.selfSigned!, ports.expired!, ports.wrongName!]) {
      const conn = new HttpConnection(target(port, true, { insecure: true }));
      expect(await conn.open()).toEqual({ ok: true });
      conn.destroy();
    }
  });
});
