import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { startLab } from '../../src/lab/start-lab.js';

const root = mkdtempSync(path.join(tmpdir(), 'fleet-scan-startlab-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('startLab input checks', () => {
  test('two hosts with one address are refused before anything starts', async () => {
    await expect(startLab({ dir: path.join(root, 'dup'), hosts: [
      { name: 'a', address: '127.0.74.2' }, { name: 'b', address: '127.0.74.2' },
    ] })).rejects.toThrow('duplicate lab host address 127.0.74.2');
  });

  test('an address outside 127/8 is refused', async () => {
    await expect(startLab({ dir: path.join(root, 'ext'), hosts: [{ name: 'a', address: '10.0.0.2' }] }))
      .rejects.toThrow('lab hosts live on 127.x.y.z, not 10.0.0.2');
  });

  test('a lab dir with a space is refused, since sshd_config paths cannot hold one', async () => {
    await expect(startLab({ dir: path.join(root, 'with space'), hosts: [{ name: 'a', address: '127.0.74.3' }] }))
      .rejects.toThrow(/must not contain spaces/);
  });
});
