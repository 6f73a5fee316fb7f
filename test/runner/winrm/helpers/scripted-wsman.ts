import type { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { makeTestCertificates, type Pem, type TestCertificates } from './test-certs.js';
import { at, xmlTree, type XmlNode } from './xml-tree.js';

const S = 'http://www.w3.org/2003/05/soap-envelope';
const WSA = 'http://schemas.xmlsoap.org/ws/2004/08/addressing';
const WSMAN = 'http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd';
const RSP = 'http://schemas.microsoft.com/wbem/wsman/1/windows/shell';

/** One request as the scripted listener read it. */
export interface WsmanCall {
  /** The last segment of the WS-Addressing Action: Create, Command, Send, Receive, Signal, Delete. */
  action: string;
  messageId: string;
  shellId?: string;
  doc: XmlNode;
  headers: IncomingHttpHeaders;
  /** Which TCP connection it came on, counted from 1. */
  connection: number;
}

export type Answer =
  | { xml: string; status?: number }
  | { raw: string; status: number; contentType?: string }
  /** Never answer; the socket stays open until the client gives up. */
  | { hang: true }
  /** Drop the connection without an answer. */
  | { drop: true };

export interface ScriptedWsman {
  port: number;
  calls: WsmanCall[];
  /** TCP connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

function actionOf(doc: XmlNode): string {
  const uri = at(doc, [S, 'Header'], [WSA, 'Action']).text.trim();
  return uri.slice(uri.lastIndexOf('/') + 1);
}

function shellIdOf(doc: XmlNode): string | undefined {
  const set = at(doc, [S, 'Header']).children.find((c) => c.uri === WSMAN && c.local === 'SelectorSet');
  return set?.children.find((c) => c.attrs.Name === 'ShellId')?.text;
}

/** The stdin a series of Send calls carried, rejoined, and whether the last one said End. */
export function sentStdin(calls: WsmanCall[]): { data: Buffer; ended: boolean } {
  const streams = calls.filter((c) => c.action === 'Send').map((c) => at(c.doc, [S, 'Body'], [RSP, 'Send'], [RSP, 'Stream']));
  return { data: Buffer.concat(streams.map((s) => Buffer.from(s.text, 'base64'))), ended: streams.at(-1)?.attrs.End === 'true' };
}

/**
 * A loopback HTTPS WS-Management listener for client tests, with Basic auth on and answers a test scripts
 * call by call (the envelopes come from fake-winrm's own builders, which write them as Windows does).
 */
export async function startScriptedWsman(options: {
  tls: Pem;
  user: string;
  password: string;
  answer(call: WsmanCall): Answer | Promise<Answer>;
}): Promise<ScriptedWsman> {
  const calls: WsmanCall[] = [];
  const sockets = new Set<Socket>();
  const ids = new WeakMap<Socket, number>();
  let accepted = 0;
  const expected = `Basic ${Buffer.from(`${options.user}:${options.password}`).toString('base64')}`;
  const server = https.createServer({ cert: options.tls.cert, key: options.tls.key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      if (req.headers.authorization !== expected) {
        res.writeHead(401, { 'WWW-Authenticate': ['Basic realm="WSMAN"', 'Negotiate'], 'Content-Length': '0' });
        return res.end();
      }
      const doc = xmlTree(Buffer.concat(chunks).toString('utf8'));
      const call: WsmanCall = {
        action: actionOf(doc),
        messageId: at(doc, [S, 'Header'], [WSA, 'MessageID']).text,
        shellId: shellIdOf(doc),
        doc,
        headers: req.headers,
        connection: ids.get(req.socket)!,
      };
      calls.push(call);
      const answer = await options.answer(call);
      if ('hang' in answer) return;
      if ('drop' in answer) return req.socket.destroy();
      if ('raw' in answer) {
        res.writeHead(answer.status, { 'Content-Type': answer.contentType ?? 'text/html' });
        return res.end(answer.raw);
      }
      res.writeHead(answer.status ?? 200, { 'Content-Type': 'application/soap+xml;charset=UTF-8' });
      res.end(answer.xml);
    });
  });
  server.on('secureConnection', (socket: Socket) => {
    ids.set(socket, ++accepted);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    calls,
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export type ScriptedWsmanOptions = Parameters<typeof startScriptedWsman>[0];

/**
 * Registers the hooks of a file of scripted-listener tests: test certificates for the file, listeners
 * (with the good certificate) that are closed after each test.
 */
export function scriptedWsmanSuite(): { certs(): TestCertificates; start(options: Omit<ScriptedWsmanOptions, 'tls'>): Promise<ScriptedWsman> } {
  let certs: TestCertificates | undefined;
  const open: ScriptedWsman[] = [];
  beforeAll(async () => {
    certs = await makeTestCertificates();
  });
  afterAll(() => certs?.remove());
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return {
    certs: () => certs!,
    start: async (options) => {
      const server = await startScriptedWsman({ ...options, tls: certs!.good });
      open.push(server);
      return server;
    },
  };
}
