import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fakeWinrmEntry, spawnFakeWinrm } from '../../../src/lab/fake-winrm/fake-winrm-process.js';
import { ensureLabPassword, fakeWinrmEnv, prepareWinrmHosts } from '../../../src/lab/fake-winrm/lab-hosts.js';
import { findPwsh } from '../../../src/lab/pwsh-location.js';
import { waitListening } from '../../../src/lab/wait-listening.js';
import { compileLab } from '../../helpers/compile-lab.js';
import { alive, eventually, liveLabProcesses } from '../../helpers/lab-processes.js';
import { RawConnection } from './helpers/raw-http.js';
import { USER } from './helpers/test-fake.js';
import { WinrsTestSession } from './helpers/winrs-session.js';

describe('fake-winrm as its own process (main.js)', () => {
  test('the default entry is a built main.js, when there is one', () => {
    const entry = fakeWinrmEntry();
    expect(entry === undefined || (entry.endsWith(path.join('fake-winrm', 'main.js')) && existsSync(entry))).toBe(true);
  });

  test('serves its config detached, and on SIGTERM kills the commands it started and exits', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fw-main-'));
    const entry = path.join(compileLab(path.join(dir, 'build'), ['fake-winrm/main.ts']), 'fake-winrm', 'main.js');
    const pwsh = findPwsh();
    if (!pwsh.ok) throw new Error(pwsh.message);
    const lab = await prepareWinrmHosts(dir, [{ name: 'fs01', address: '127.0.191.2', winrm: {} }], pwsh.value, { FLEET_SCAN_LAB: dir });
    const started = spawnFakeWinrm(lab.configFile, lab.log, fakeWinrmEnv(dir, 'FLEET_SCAN_LAB'), entry);
    if (!started.ok) throw new Error(started.message);
    const { pid, gone } = started.value;
    try {
      expect(await waitListening('127.0.191.2', 5986, 30_000, gone)).toEqual({ ok: true });
      const conn = await RawConnection.open('127.0.191.2', 5986, { ca: readFileSync(lab.caFile) });
      const s = WinrsTestSession.basic(conn, USER, ensureLabPassword(dir).password);
      const shell = await s.createShell();
      await s.command(shell, 'powershell.exe', ['-NoProfile', '-Command', 'Start-Sleep 120']);
      expect(await eventually(() => liveLabProcesses(dir).some((p) => p.pid !== pid && p.cmd.includes('Start-Sleep')), 20_000)).toBe(true);
      conn.close();
    } finally {
      process.kill(pid, 'SIGTERM');
    }
    // The exit event may come a turn after the process is gone: wait for both.
    expect(await eventually(() => !alive(pid) && gone() !== undefined && liveLabProcesses(dir).length === 0, 10_000)).toBe(true);
    expect(gone()).toMatch(/^fake-winrm exited \(code 0\)/);
  }, 120_000);
});
