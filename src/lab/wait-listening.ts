import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** Whether something accepts TCP on `address:port` right now. */
export function tryConnect(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(1000, () => done(false));
  });
}

/**
 * Resolves once `address:port` accepts TCP. `gone()` returns a reason when the daemon has died, so a
 * bad start fails at once instead of at the deadline.
 */
export async function waitListening(
  address: string, port: number, timeoutMs: number, gone: () => string | undefined,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await tryConnect(address, port)) return { ok: true };
    const reason = gone();
    if (reason) return { ok: false, message: reason };
    if (Date.now() > deadline) return { ok: false, message: `${address}:${port} not listening after ${timeoutMs} ms` };
    await sleep(20);
  }
}
