import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { startFleet, stopFleetDir } from '../../src/lab/fleet.js';
import { labProcesses } from '../../src/lab/kill-lab.js';
import { invokeCommandPs } from '../helpers/lab-remoting.js';
import { alive, eventually, labProcessesLeft, liveLabProcesses } from '../helpers/lab-processes.js';
import { PWSH } from '../helpers/pwsh.js';

const root = mkdtempSync(path.join(tmpdir(), 'fleet-scan-kill-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('killing a lab', () => {
  test('a session whose listener already died is still found by its lab marker and killed', async () => {
    const dir = path.join(root, 'orphan');
    const lab = await startFleet({ dir, base: '127.0.61', count: 1 });
    const client = spawn(PWSH, ['-NoProfile', '-NonInteractive', '-Command',
      invokeCommandPs(lab, [lab.hosts[0]!.address], 'Start-Sleep -Seconds 600')], { stdio: 'ignore', detached: true });
    try {
      expect(await eventually(() => liveLabProcesses(dir).some((p) => p.cmd.includes('-sshs')), 30_000)).toBe(true);
      // The listener crashes: its session is re-parented and no longer a descendant of anything we know.
      process.kill(lab.hosts[0]!.pid, 'SIGKILL');
      expect(await eventually(() => !alive(lab.hosts[0]!.pid), 5000)).toBe(true);
      const orphans = labProcesses({ dir, listeners: [] });
      expect(orphans.some((p) => p.cmdline.join(' ').includes('-sshs'))).toBe(true);
      expect(orphans.some((p) => /^sshd/.test(p.cmdline[0] ?? ''))).toBe(true);
      expect((await stopFleetDir(dir)).ok).toBe(true);
      expect(orphans.map((p) => p.pid).filter(alive)).toEqual([]);
      expect(await labProcessesLeft(dir)).toEqual([]);
    } finally {
      try { process.kill(-client.pid!, 'SIGKILL'); } catch { /* gone */ }
      await lab.stop();
    }
  });
});
