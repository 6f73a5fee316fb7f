import { describe, expect, test } from 'vitest';
import { CommandProcess, CTRL_C_EXIT } from '../../../src/lab/fake-winrm/command-process.js';
import { alive, eventually } from '../../helpers/lab-processes.js';

const sh = (script: string) => ({ program: { ok: true as const, file: '/bin/sh', args: ['-c', script] }, env: { PATH: '/usr/bin:/bin' }, cwd: '/' });

async function drain(c: CommandProcess): Promise<string> {
  const out: string[] = [];
  while (c.pending) {
    if (!c.hasOutput && c.exitCode === undefined) await c.waitForChange(10_000);
    for (const chunk of c.take(1 << 20)) out.push(`${chunk.name}:${chunk.data.toString()}`);
  }
  return out.join('');
}

describe('CommandProcess', () => {
  test('stdin reaches the child and its stdout and stderr come back in order, then its exit code', async () => {
    const c = new CommandProcess('C1', sh('read line; echo "out:$line"; sleep 0.2; echo oops >&2; exit 7'));
    c.write(Buffer.from('hello\n'));
    c.endInput();
    expect(await drain(c)).toBe('stdout:out:hello\nstderr:oops\n');
    expect(c.exitCode).toBe(7);
  });

  test('take never hands out more than asked, splitting a chunk if it must', async () => {
    const c = new CommandProcess('C2', sh('printf abcdef'));
    await eventually(() => c.exitCode !== undefined, 10_000);
    expect(c.take(4).map((x) => x.data.toString())).toEqual(['abcd']);
    expect(c.take(4).map((x) => x.data.toString())).toEqual(['ef']);
    expect(c.pending).toBe(false);
  });

  test('kill reaches the whole process group, grandchildren included', async () => {
    const c = new CommandProcess('C3', sh('sleep 60 & echo $!; wait'));
    await c.waitForChange(10_000);
    const grandchild = Number(c.take(100)[0]!.data.toString().trim());
    expect(alive(grandchild)).toBe(true);
    await c.kill();
    expect(await eventually(() => !alive(grandchild) && !alive(c.pid!), 5000)).toBe(true);
  });

  test('a Ctrl-C kill exits with STATUS_CONTROL_C_EXIT, as Windows reports it', async () => {
    const c = new CommandProcess('C4', sh('sleep 60'));
    await c.kill(true);
    expect(c.exitCode).toBe(CTRL_C_EXIT);
  });

  test('a program the host does not have answers on stderr with exit code 1 and starts nothing', () => {
    const c = new CommandProcess('C5', { program: { ok: false, name: 'ipconfig' }, env: {}, cwd: '/' });
    expect([c.pid, c.exitCode, c.take(1000)[0]?.name]).toEqual([undefined, 1, 'stderr']);
  });
});
