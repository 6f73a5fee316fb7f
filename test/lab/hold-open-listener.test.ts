import net from 'node:net';
import { describe, expect, test } from 'vitest';
import { listenAndHold } from '../../src/lab/hold-open-listener.js';

/** Connects and collects what the server sends until it closes or `ms` passes. */
function receive(address: string, port: number, ms: number): Promise<{ data: string; closedByServer: boolean }> {
  return new Promise((resolve) => {
    let data = '';
    const s = net.connect({ host: address, port });
    const timer = setTimeout(() => { s.destroy(); resolve({ data, closedByServer: false }); }, ms);
    s.on('data', (d) => { data += d.toString('latin1'); });
    s.on('close', () => { clearTimeout(timer); resolve({ data, closedByServer: true }); });
    s.on('error', () => {});
  });
}

describe('listenAndHold', () => {
  test('accepts a connection and sends nothing', async () => {
    const l = await listenAndHold('127.0.72.2', 2222, 10_000);
    try {
      expect(await receive(l.address, l.port, 300)).toEqual({ data: '', closedByServer: false });
    } finally {
      await l.close();
    }
  });

  test('sends only the banner it was given', async () => {
    const l = await listenAndHold('127.0.72.3', 2222, 10_000, 'SSH-2.0-x\r\n');
    try {
      expect(await receive(l.address, l.port, 300)).toEqual({ data: 'SSH-2.0-x\r\n', closedByServer: false });
    } finally {
      await l.close();
    }
  });

  test('closes itself and its connections when its lifetime ends', async () => {
    const l = await listenAndHold('127.0.72.4', 2222, 200);
    expect((await receive(l.address, l.port, 10_000)).closedByServer).toBe(true);
    await expect(receive(l.address, l.port, 1000)).resolves.toEqual({ data: '', closedByServer: true });
  });
});
