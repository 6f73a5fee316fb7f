import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { spawnSshd, validateSshdConfig } from '../../src/lab/sshd-process.js';
import { eventually } from '../helpers/lab-processes.js';

const dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-sshd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sshd processes', () => {
  test('sshd -t refuses a config whose host key is missing, in one line naming the config', async () => {
    const config = path.join(dir, 'bad_config');
    writeFileSync(config, `ListenAddress 127.0.73.2:2222\nHostKey ${dir}/no-such-key\n`);
    const r = await validateSshdConfig(config);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message.startsWith(`sshd -t ${config}: `)).toBe(true);
      expect(r.message).not.toContain('\n');
    }
  });

  test('a daemon that exits at once reports why, with the last line of its log', async () => {
    const config = path.join(dir, 'nokey_config');
    writeFileSync(config, `ListenAddress 127.0.73.3:2222\nHostKey ${dir}/no-such-key\n`);
    const started = spawnSshd(config, path.join(dir, 'nokey.log'), { PATH: '/usr/bin:/bin' });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    try {
      expect(await eventually(() => started.value.gone() !== undefined, 5000)).toBe(true);
      expect(started.value.gone()).toMatch(/^sshd exited \(code \d+\): .*host ?keys/i);
    } finally {
      try { process.kill(started.value.pid, 'SIGKILL'); } catch { /* exited, as expected */ }
    }
  });
});
