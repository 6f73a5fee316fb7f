import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ACTION } from '../../../src/lab/fake-winrm/namespaces.js';
import { eventually, liveLabProcesses } from '../../helpers/lab-processes.js';
import { headerValues, RawConnection } from './helpers/raw-http.js';
import { HTTP_PORT, HTTPS_PORT, startTestFake, USER, type TestFake } from './helpers/test-fake.js';
import { faultCode, requestEnvelope, WinrsTestSession } from './helpers/winrs-session.js';

// Real sockets, real TLS, real NTLM, the lab's real pwsh. Addresses 127.0.181.x belong to this file.
const A = { fs01: '127.0.181.2', wrong: '127.0.181.3', quota: '127.0.181.4', silent: '127.0.181.5', rogue: '127.0.181.6', slow: '127.0.181.7' };

const root = mkdtempSync(path.join(tmpdir(), 'fw-server-'));
const state = path.join(root, 'fs01.json');
writeFileSync(state, JSON.stringify({ id: 'fs01' }));
let t: TestFake;

beforeAll(async () => {
  t = await startTestFake(root, [
    { name: 'fs01', address: A.fs01, state },
    { name: 'wrong', address: A.wrong, winrm: { behaviour: 'wrong-password' } },
    { name: 'quota', address: A.quota, winrm: { behaviour: 'quota' } },
    { name: 'silent', address: A.silent, winrm: { behaviour: 'never-answers' } },
    { name: 'rogue', address: A.rogue, winrm: { behaviour: 'bad-certificate' } },
    { name: 'slow', address: A.slow, winrm: { behaviour: 'slow' } },
  ], { orphanTimeoutMs: 600, slowReceiveMs: 700 });
});
afterEach(() => RawConnection.closeAll());
afterAll(async () => {
  await t?.fake.close();
  rmSync(root, { recursive: true, force: true });
});

const names = (res: { headers: [string, string][] }) => res.headers.map(([k]) => k);
const https = (address: string) => RawConnection.open(address, HTTPS_PORT, { ca: t.ca });

async function ntlmOver(conn: RawConnection, password = t.password): Promise<WinrsTestSession> {
  const { session, last } = await WinrsTestSession.ntlm(conn, USER, password);
  if (!session) throw new Error(`NTLM failed: ${last.statusLine}`);
  return session;
}

const encoded = (script: string) => Buffer.from(script, 'utf16le').toString('base64');

describe('the HTTP and NTLM handshake, as Windows answers it', () => {
  test('a request without credentials gets 401 with no reason phrase, Negotiate, Basic realm="WSMAN" and Kerberos offered, and the connection closed', async () => {
    const c = await RawConnection.open(A.fs01, HTTP_PORT);
    const res = await c.request([['Content-Type', 'application/soap+xml;charset=UTF-8']], Buffer.from('<x/>'));
    expect(res.statusLine).toBe('HTTP/1.1 401 ');
    expect(names(res)).toEqual(['Server', 'WWW-Authenticate', 'WWW-Authenticate', 'WWW-Authenticate', 'Date', 'Connection', 'Content-Length']);
    expect(headerValues(res, 'Server')).toEqual(['Microsoft-HTTPAPI/2.0']);
    expect(headerValues(res, 'WWW-Authenticate')).toEqual(['Negotiate', 'Basic realm="WSMAN"', 'Kerberos']);
    expect([headerValues(res, 'Connection')[0], headerValues(res, 'Content-Length')[0]]).toEqual(['close', '0']);
    expect(await c.closedWithin(2000)).toBe(true);
  });

  test('an NTLM NEGOTIATE under Negotiate gets the CHALLENGE in a 401 that keeps the connection; the AUTHENTICATE on it gets 200', async () => {
    const c = await RawConnection.open(A.fs01, HTTP_PORT);
    const { session, last } = await WinrsTestSession.ntlm(c, USER, t.password);
    expect(session).toBeDefined();
    expect([last.statusLine, names(last), last.body.length]).toEqual(['HTTP/1.1 200 ', ['Server', 'Date', 'Content-Length'], 0]);
    c.close();
  });

  test('the CHALLENGE is raw NTLMSSP, headed WWW-Authenticate first, naming the computer', async () => {
    const c = await RawConnection.open(A.fs01, HTTP_PORT);
    const res = await c.request([['Authorization', 'Negotiate TlRMTVNTUAABAAAAt4II4gAAAAAAAAAAAAAAAAAAAAAKALpHAAAADw==']]);
    expect([res.statusLine, names(res)]).toEqual(['HTTP/1.1 401 ', ['WWW-Authenticate', 'Server', 'Date', 'Content-Length']]);
    const token = Buffer.from(headerValues(res, 'WWW-Authenticate')[0]!.replace(/^Negotiate /, ''), 'base64');
    expect([token.subarray(0, 8).toString('latin1'), token.readUInt32LE(8)]).toEqual(['NTLMSSP\0', 2]);
    expect(token.includes(Buffer.from('FS01', 'utf16le'))).toBe(true);
    expect(await c.closedWithin(200)).toBe(false);
    c.close();
  });

  test('after NTLM over HTTP, an envelope in clear is refused with 500 and no body, as AllowUnencrypted=false does', async () => {
    const c = await RawConnection.open(A.fs01, HTTP_PORT);
    await ntlmOver(c);
    const res = await c.request([['Content-Type', 'application/soap+xml;charset=UTF-8']], Buffer.from(requestEnvelope(ACTION.create, '<rsp:Shell/>')));
    expect([res.statusLine, names(res), res.body.length]).toEqual(['HTTP/1.1 500 ', ['Server', 'Date', 'Content-Length'], 0]);
    c.close();
  });

  test('sealed requests get sealed answers in the multipart/encrypted frame, on the same authenticated connection', async () => {
    const c = await RawConnection.open(A.fs01, HTTP_PORT);
    const s = await ntlmOver(c);
    const r = await s.create();
    expect(r.status).toBe(200);
    expect(headerValues(r.raw, 'Content-Type')).toEqual(['multipart/encrypted;protocol="application/HTTP-SPNEGO-session-encrypted";boundary="Encrypted Boundary"']);
    expect(names(r.raw)).toEqual(['Content-Type', 'Server', 'Date', 'Content-Length']);
    expect(r.raw.body.subarray(0, 200).toString('latin1')).toMatch(/^--Encrypted Boundary\r\n\tContent-Type: application\/HTTP-SPNEGO-session-encrypted\r\n\tOriginalContent: type=application\/soap\+xml;charset=UTF-8;Length=\d/);
    expect(r.text).toContain('<x:ResourceCreated>');
    expect(r.text).not.toContain(t.password);
    c.close();
  });

  test('Basic over HTTP is refused like any envelope in clear; over HTTPS it works with plain SOAP', async () => {
    const plain = await RawConnection.open(A.fs01, HTTP_PORT);
    const refused = await WinrsTestSession.basic(plain, USER, t.password).soap(requestEnvelope(ACTION.create, '<rsp:Shell/>')).catch((e: Error) => e);
    expect(refused).toBeInstanceOf(Error); // 500 with an empty body: nothing to parse
    plain.close();
    const c = await https(A.fs01);
    const s = WinrsTestSession.basic(c, USER, t.password);
    const r = await s.create();
    expect([r.status, headerValues(r.raw, 'Content-Type')[0]]).toEqual([200, 'application/soap+xml;charset=UTF-8']);
    c.close();
  });

  test('NTLM over HTTPS binds to the listener certificate and then takes plain SOAP', async () => {
    const c = await https(A.fs01);
    const { last } = await WinrsTestSession.ntlm(c, USER, t.password);
    expect(last.status).toBe(200);
    const r = await new WinrsTestSession(c).create();
    expect([r.status, headerValues(r.raw, 'Content-Type')[0]]).toEqual([200, 'application/soap+xml;charset=UTF-8']);
    c.close();
  });

  test('GET gets 405 with Allow: POST; a path other than /wsman gets HTTP.sys\'s own 404', async () => {
    const c = await RawConnection.open(A.fs01, HTTP_PORT);
    const get = await c.request([], undefined, '/wsman', 'GET');
    expect([get.statusLine, names(get), headerValues(get, 'Allow')[0]]).toEqual(['HTTP/1.1 405 ', ['Allow', 'Server', 'Date', 'Connection', 'Content-Length'], 'POST']);
    const c2 = await RawConnection.open(A.fs01, HTTP_PORT);
    const other = await c2.request([], undefined, '/', 'GET');
    expect([other.statusLine, other.body.toString()]).toEqual(['HTTP/1.1 404 Not Found', expect.stringContaining('HTTP Error 404. The requested resource is not found.')]);
  });
});

describe('commands run with the lab\'s PowerShell', () => {
  test('powershell.exe -NoProfile -NonInteractive -EncodedCommand reads stdin, sees its staged state and exits with its code', async () => {
    const c = await RawConnection.open(A.fs01, HTTP_PORT);
    const s = await ntlmOver(c);
    const shell = await s.createShell();
    const script = '$in = [Console]::In.ReadToEnd(); "got=$($in.Trim())"; "state=$env:FLEET_SCAN_STAGED_STATE"; [Console]::Error.WriteLine("warned"); exit 5';
    const cmd = await s.command(shell, 'powershell.exe', ['-NoProfile', '-NonInteractive', '-EncodedCommand', encoded(script)]);
    await s.send(shell, cmd, Buffer.from('first '), false);
    await s.send(shell, cmd, Buffer.from('second\n'), true);
    const out = await s.runToEnd(shell, cmd);
    expect(out).toMatchObject({ stdout: `got=first second\nstate=${path.join(root, 'hosts', 'fs01', 'state.json')}\n`, stderr: 'warned\n', exitCode: 5 });
    expect((await s.delete(shell)).status).toBe(200);
    c.close();
  });

  /** A shell on fs01 over HTTP with a pwsh command that sleeps, once the command's process is up. */
  async function sleeping(program = 'powershell.exe') {
    const c = await RawConnection.open(A.fs01, HTTP_PORT);
    const s = await ntlmOver(c);
    const shell = await s.createShell();
    const cmd = await s.command(shell, program, ['-NoProfile', '-Command', 'Start-Sleep 120']);
    expect(await eventually(() => liveLabProcesses(root).length > 0, 20_000)).toBe(true);
    return { c, s, shell, cmd };
  }

  test('Signal terminate leaves no process of the command, and Delete then forgets the shell', async () => {
    const { c, s, shell, cmd } = await sleeping('powershell');
    expect((await s.signal(shell, cmd, 'terminate')).status).toBe(200);
    expect(liveLabProcesses(root)).toEqual([]);
    expect((await s.delete(shell)).status).toBe(200);
    // Forgotten: a second Delete gets Windows' "shell was not found" (other tests' orphans may still be counted).
    expect(faultCode(await s.delete(shell))).toBe(2150858843);
    c.close();
  });

  test('Delete kills a command still running', async () => {
    const { c, s, shell } = await sleeping();
    expect((await s.delete(shell)).status).toBe(200);
    expect(liveLabProcesses(root)).toEqual([]);
    c.close();
  });

  test('a client that drops its connection leaves a shell that is deleted, processes and all, once idle past the timeout', async () => {
    const { c } = await sleeping();
    c.close();
    expect(await eventually(() => liveLabProcesses(root).length === 0 && t.fake.shellCount('fs01') === 0, 10_000)).toBe(true);
  });

  test('a command the host has not got answers in cmd.exe words on stderr, exit code 1', async () => {
    const c = await https(A.fs01);
    const s = WinrsTestSession.basic(c, USER, t.password);
    const shell = await s.createShell();
    const out = await s.runToEnd(shell, await s.command(shell, 'ipconfig', ['/all']));
    expect(out).toMatchObject({ stdout: '', stderr: "'ipconfig' is not recognized as an internal or external command,\r\noperable program or batch file.\r\n", exitCode: 1 });
    c.close();
  });
});

describe('hosts that misbehave, each in one way, as Windows would', () => {
  test('wrong-password: NTLM ends in the 401 that offers the schemes again and closes; Basic too', async () => {
    const c = await RawConnection.open(A.wrong, HTTP_PORT);
    const { session, last } = await WinrsTestSession.ntlm(c, USER, t.password);
    expect([session, last.statusLine, headerValues(last, 'WWW-Authenticate'), headerValues(last, 'Connection')]).toEqual([undefined, 'HTTP/1.1 401 ', ['Negotiate', 'Basic realm="WSMAN"', 'Kerberos'], ['close']]);
    expect(await c.closedWithin(2000)).toBe(true);
    const b = await https(A.wrong);
    const res = await b.request([['Authorization', `Basic ${Buffer.from(`${USER}:${t.password}`).toString('base64')}`]], Buffer.from('<x/>'));
    expect(res.status).toBe(401);
  });

  test('quota: Create answers 500 with the sealed w:QuotaLimit fault', async () => {
    const c = await RawConnection.open(A.quota, HTTP_PORT);
    const r = await (await ntlmOver(c)).create();
    expect([r.status, faultCode(r)]).toEqual([500, 2150859173]);
    expect(r.text).toContain('<s:Value>w:QuotaLimit</s:Value>');
    c.close();
  });

  test('never-answers: TCP is accepted and read, and not a byte comes back, not even a TLS handshake', async () => {
    const c = await RawConnection.open(A.silent, HTTP_PORT);
    await expect(c.request([], Buffer.from('<x/>'), '/wsman', 'POST', 1500)).rejects.toThrow('no response within 1500 ms');
    c.close();
    const secure = await new Promise<string>((resolve) => {
      const s = tls.connect({ host: A.silent, port: HTTPS_PORT, ca: t.ca });
      s.setTimeout(1500, () => {
        s.destroy();
        resolve('timed out');
      });
      s.on('secureConnect', () => resolve('handshake'));
      s.on('error', (e) => resolve(e.message));
    });
    expect(secure).toBe('timed out');
  });

  test('bad-certificate: the HTTPS certificate does not verify against the lab CA, though it names the host', async () => {
    const result = await new Promise<string>((resolve) => {
      const s = tls.connect({ host: A.rogue, port: HTTPS_PORT, ca: t.ca }, () => resolve('verified'));
      s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    });
    expect(result).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY/);
    const insecure = await new Promise<string | undefined>((resolve) => {
      const s = tls.connect({ host: A.rogue, port: HTTPS_PORT, rejectUnauthorized: false }, () => resolve(s.getPeerCertificate().subjectaltname));
      s.on('error', () => resolve(undefined));
    });
    expect(insecure).toBe(`IP Address:${A.rogue}, DNS:rogue`);
  });

  test('slow: each Receive is answered late', async () => {
    const c = await https(A.slow);
    const s = WinrsTestSession.basic(c, USER, t.password);
    const shell = await s.createShell();
    const cmd = await s.command(shell, 'ipconfig');
    const started = Date.now();
    await s.receive(shell, cmd);
    expect(Date.now() - started).toBeGreaterThanOrEqual(690);
    c.close();
  });
});
