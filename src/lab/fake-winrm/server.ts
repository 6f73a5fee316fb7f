import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import { gssServiceName, loadKerberos } from '../../runner/winrm/kerberos-binding.js';
import { resolveConfig, type FakeHostConfig, type FakeWinrmConfig } from './config.js';
import { serveHttp } from './http-wire.js';
import { ShellTable } from './shells.js';
import { handleRequest, type ConnectionState } from './wsman-endpoint.js';
import type { HostRuntime } from './wsman-dispatch.js';

/** How long HTTP.sys keeps an idle connection open (its IdleConnectionTimeout, 120 s). */
const IDLE_CONNECTION_MS = 120_000;

export interface FakeWinrmListener {
  host: string;
  address: string;
  port: number;
  secure: boolean;
}

export interface FakeWinrm {
  listeners: FakeWinrmListener[];
  /** Live shells per host name, for tests. */
  shellCount(host: string): number;
  /** Closes every listener and connection and kills every command; resolves once all are reaped. */
  close(): Promise<void>;
  /** Synchronous kill of every command, for exit handlers. */
  killNow(): void;
}

function commandEnv(host: FakeHostConfig, extra: Record<string, string>): Record<string, string> {
  const pick = (name: string) => (process.env[name] !== undefined ? { [name]: process.env[name]! } : {});
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin', ...pick('HOME'), ...pick('USER'), ...pick('LANG'), ...pick('DOTNET_ROOT'),
    // What the lab's powershell wrapper sets: no telemetry, no update check, no escape codes in piped output.
    POWERSHELL_TELEMETRY_OPTOUT: '1', POWERSHELL_UPDATECHECK: 'Off', TERM: 'dumb', NO_COLOR: '1',
    ...extra,
    ...(host.stateFile ? { FLEET_SCAN_STAGED_STATE: host.stateFile } : {}),
  };
}

/** A Kerberos host's service key must be in the keytab before it listens, as a joined computer's is. */
async function checkServiceKeys(hosts: FakeHostConfig[]): Promise<void> {
  const services = hosts.flatMap((h) => (h.kerberos ? [h.kerberos.service] : []));
  if (services.length === 0) return;
  const loaded = await loadKerberos();
  if (!loaded.ok) throw new Error(`fake-winrm: ${loaded.message}`);
  for (const service of services) {
    try {
      await loaded.binding.initializeServer(gssServiceName(service));
    } catch (e) {
      throw new Error(`fake-winrm: no key for ${service} in the keytab (KRB5_KTNAME): ${(e as Error).message}`);
    }
  }
}

/** Starts every listener of every host; on any failure what was started is closed again. */
export async function startFakeWinrm(input: FakeWinrmConfig): Promise<FakeWinrm> {
  const resolved = resolveConfig(input);
  if (!resolved.ok) throw new Error(`fake-winrm config: ${resolved.message}`);
  const config = resolved.value;
  await checkServiceKeys(config.hosts);
  const runtimes: HostRuntime[] = config.hosts.map((host) => ({
    config: host, pwsh: config.pwsh, env: commandEnv(host, config.env),
    shells: new ShellTable({ orphanTimeoutMs: config.orphanTimeoutMs }),
  }));
  const servers: net.Server[] = [];
  const sockets = new Set<net.Socket>();
  const listeners: FakeWinrmListener[] = [];
  let nextId = 1;

  const serve = (rt: HostRuntime, socket: net.Socket, secure: boolean, certificate?: Buffer) => {
    sockets.add(socket);
    const closed = new AbortController();
    const conn: ConnectionState = {
      id: nextId++, secure, clientIp: (socket.remoteAddress ?? '').replace(/^::ffff:/, ''), closed: closed.signal,
      ...(certificate ? { certificate } : {}),
    };
    socket.setTimeout(IDLE_CONNECTION_MS, () => socket.destroy());
    socket.on('error', () => {});
    socket.on('close', () => {
      sockets.delete(socket);
      closed.abort();
      rt.shells.connectionClosed(conn.id);
    });
    serveHttp(socket, (req) => handleRequest(req, rt, conn));
  };

  const close = async (): Promise<void> => {
    // close() waits for open connections, so they are cut first.
    const closing = servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())));
    for (const s of sockets) s.destroy();
    await Promise.all(closing);
    await Promise.all(runtimes.map((rt) => rt.shells.closeAll()));
  };

  try {
    for (const rt of runtimes) {
      for (const l of rt.config.listeners) {
        let server: net.Server;
        if (rt.config.behaviour === 'never-answers') {
          // Not even a TLS handshake: the bytes are read and dropped, and nothing is ever written back.
          server = net.createServer((s) => {
            sockets.add(s);
            s.on('error', () => {});
            s.on('close', () => sockets.delete(s));
            s.resume();
          });
        } else if (l.tls) {
          const cert = readFileSync(l.tls.certFile);
          const der = new X509Certificate(cert).raw;
          server = tls.createServer({ cert, key: readFileSync(l.tls.keyFile) }, (s) => serve(rt, s, true, der));
          // A client that rejects the certificate leaves a socket that never becomes a connection.
          server.on('tlsClientError', () => {});
        } else {
          server = net.createServer((s) => serve(rt, s, false));
        }
        servers.push(server);
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen({ host: rt.config.address, port: l.port }, () => {
            server.off('error', reject);
            resolve();
          });
        });
        listeners.push({ host: rt.config.name, address: rt.config.address, port: l.port, secure: Boolean(l.tls) });
      }
    }
  } catch (err) {
    await close();
    throw new Error(`fake-winrm cannot listen: ${(err as Error).message}`);
  }
  return {
    listeners,
    shellCount: (name) => runtimes.find((r) => r.config.name === name)?.shells.size ?? 0,
    close,
    killNow: () => runtimes.forEach((rt) => rt.shells.killAllNow()),
  };
}
