import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { spawnDetached } from '../../src/lab/detached-process.js';
import { eventually } from '../helpers/lab-processes.js';

describe('spawnDetached', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fw-detached-'));

  test('the daemon writes its output to the log and says why it is gone, with the last log line', async () => {
    const log = path.join(dir, 'd.log');
    const started = spawnDetached('demo', '/bin/sh', ['-c', 'echo hello; exit 3'], log, { PATH: '/usr/bin:/bin' });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    expect(await eventually(() => started.value.gone() !== undefined, 5000)).toBe(true);
    expect(started.value.gone()).toBe('demo exited (code 3): hello');
    expect(readFileSync(log, 'utf8')).toBe('hello\n');
  });

  test('a program that cannot start is said so at once', () => {
    expect(spawnDetached('demo', '/no/such/program', [], path.join(dir, 'e.log'), {})).toEqual({ ok: false, message: 'demo did not start (/no/such/program)' });
  });
});
