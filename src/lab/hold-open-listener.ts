import net from 'node:net';

export interface HoldOpenListener {
  address: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A TCP listener that accepts and then never says anything (or only `banner`): a host whose sshd hangs.
 * It closes itself after `lifetimeMs`, so a test that forgets it cannot leave it behind for long, and
 * it never keeps the process alive.
 */
export function listenAndHold(address: string, port: number, lifetimeMs: number, banner?: string): Promise<HoldOpenListener> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.unref();
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    if (banner !== undefined) socket.write(banner);
  });
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= new Promise<void>((resolve) => {
      clearTimeout(timer);
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
    return closed;
  };
  const timer = setTimeout(() => void close(), lifetimeMs);
  timer.unref();
  return new Promise((resolve, reject) => {
    server.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    server.listen({ host: address, port }, () => {
      server.unref();
      resolve({ address, port, close });
    });
  });
}
