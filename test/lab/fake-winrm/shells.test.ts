import { describe, expect, test } from 'vitest';
import { ShellTable } from '../../../src/lab/fake-winrm/shells.js';
import { alive, eventually } from '../../helpers/lab-processes.js';

const fields = { owner: 'labadmin', clientIp: '127.0.0.1', inputStreams: 'stdin', outputStreams: 'stdout stderr', environment: {}, idleTimeoutMs: 60_000 };
const sleeper = { program: { ok: true as const, file: '/bin/sh', args: ['-c', 'sleep 60'] }, env: { PATH: '/usr/bin:/bin' }, cwd: '/' };

describe('ShellTable', () => {
  test('ShellIds are upper-case GUIDs, found in any case, counted per owner', async () => {
    const t = new ShellTable({ orphanTimeoutMs: 60_000 });
    const s = t.create(fields, 1);
    t.create({ ...fields, owner: 'other' }, 1);
    expect(s.id).toMatch(/^[0-9A-F-]{36}$/);
    expect(t.use(s.id.toLowerCase(), 1)).toBe(s);
    expect([t.countFor('LABADMIN'), t.countFor('other'), t.countFor('nobody')]).toEqual([1, 1, 0]);
    await t.closeAll();
  });

  test('delete kills every command of the shell and forgets it', async () => {
    const t = new ShellTable({ orphanTimeoutMs: 60_000 });
    const s = t.create(fields, 1);
    const c = t.startCommand(s, 'C1', sleeper);
    expect(await t.delete(s.id)).toBe(true);
    expect([alive(c.pid!), t.use(s.id, 1), await t.delete(s.id)]).toEqual([false, undefined, false]);
  });

  test('a shell whose connections have all closed is deleted once idle past the orphan timeout', async () => {
    const t = new ShellTable({ orphanTimeoutMs: 200 });
    const s = t.create(fields, 7);
    const c = t.startCommand(s, 'C1', sleeper);
    await new Promise((r) => setTimeout(r, 400));
    expect(t.size).toBe(1); // still connected: kept
    t.connectionClosed(7);
    expect(await eventually(() => t.size === 0 && !alive(c.pid!), 5000)).toBe(true);
    await t.closeAll();
  });

  test('a shell in use by a waiting request is never swept', async () => {
    const t = new ShellTable({ orphanTimeoutMs: 100 });
    const s = t.create({ ...fields, idleTimeoutMs: 100 }, 1);
    s.busy = 1;
    t.connectionClosed(1);
    await t.sweep(Date.now() + 10_000);
    expect(t.size).toBe(1);
    s.busy = 0;
    await t.sweep(Date.now() + 10_000);
    expect(t.size).toBe(0);
  });

  test("a connected shell is deleted after its own IdleTimeOut", async () => {
    const t = new ShellTable({ orphanTimeoutMs: 60_000 });
    t.create({ ...fields, idleTimeoutMs: 1000 }, 1);
    await t.sweep(Date.now() + 500);
    expect(t.size).toBe(1);
    await t.sweep(Date.now() + 1500);
    expect(t.size).toBe(0);
  });
});
