import { spawn } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { descendantsOf, isAlive, listProcesses, processesWithEnv } from '../../src/lab/proc-table.js';
import { eventually } from '../helpers/lab-processes.js';

describe('the /proc process table', () => {
  test('descendantsOf finds children and grandchildren by parent PID', async () => {
    const marker = `fleet-scan-proc-${process.pid}-${Date.now()}`;
    const sh = spawn('sh', ['-c', 'sleep 60 & sh -c "sleep 61 & wait" & wait'], { stdio: 'ignore', env: { ...process.env, MARK: marker } });
    try {
      expect(await eventually(() => descendantsOf(sh.pid!).filter((p) => p.cmdline[0] === 'sleep').length === 2, 5000)).toBe(true);
      const found = descendantsOf(sh.pid!);
      expect(found.map((p) => p.cmdline.join(' ')).sort()).toEqual(['sh -c sleep 61 & wait', 'sleep 60', 'sleep 61']);
      expect(processesWithEnv('MARK', marker).map((p) => p.pid).sort()).toEqual([sh.pid!, ...found.map((p) => p.pid)].sort());
    } finally {
      for (const p of descendantsOf(sh.pid!)) process.kill(p.pid, 'SIGKILL');
      sh.kill('SIGKILL');
    }
  });

  test('listProcesses includes this process with its parent and group', () => {
    const self = listProcesses().find((p) => p.pid === process.pid);
    expect(self?.ppid).toBe(process.ppid);
    expect(self?.cmdline[0]).toMatch(/node/);
    expect(self?.pgid).toBeGreaterThan(0);
  });

  test('isAlive is false once a process has exited', async () => {
    const child = spawn('sleep', ['60'], { stdio: 'ignore' });
    expect(isAlive(child.pid!)).toBe(true);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(isAlive(child.pid!)).toBe(false);
  });
});
