import net from 'node:net';
import { describe, expect, test } from 'vitest';
import { waitListening } from '../../src/lab/wait-listening.js';

describe('waitListening', () => {
  test('resolves ok once the address accepts TCP', async () => {
    const server = net.createServer().listen(0, '127.0.71.2');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as net.AddressInfo;
    try {
      expect(await waitListening('127.0.71.2', port, 5000, () => undefined)).toEqual({ ok: true });
    } finally {
      server.close();
    }
  });

  test('fails at once with the reason when the daemon is already gone', async () => {
    expect(await waitListening('127.0.71.3', 2222, 60_000, () => 'sshd exited (code 255): bad config'))
      .toEqual({ ok: false, message: 'sshd exited (code 255): bad config' });
  });

  test('fails with the address after the timeout when nothing ever listens', async () => {
    expect(await waitListening('127.0.71.4', 2222, 100, () => undefined))
      .toEqual({ ok: false, message: '127.0.71.4:2222 not listening after 100 ms' });
  });
});
