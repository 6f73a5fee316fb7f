import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compileLab } from '../helpers/compile-lab.js';
import { alive, eventually, labProcessesLeft } from '../helpers/lab-processes.js';

const root = mkdtempSync(path.join(tmpdir(), 'fleet-scan-exit-'));
let script: string;

beforeAll(() => {
  const lab = compileLab(path.join(root, 'build'));
  // A process that starts a lab and then waits, or crashes the way a failing test run would.
  script = path.join(root, 'holder.mjs');
  writeFileSync(script, `
import { startFleet } from ${JSON.stringify(path.join(lab, 'fleet.js'))};
const [dir, base, mode] = process.argv.slice(2);
const lab = await startFleet({ dir, base, count: 2 });
console.log('ready ' + JSON.stringify(lab.hosts.map((h) => h.pid)));
if (mode === 'crash') setTimeout(() => { throw new Error('a test failed'); }, 50);
else setInterval(() => {}, 1000);
`);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Starts the holder; resolves with its listener PIDs and a promise of how it ended. */
function startHolder(dir: string, base: string, mode: 'wait' | 'crash') {
  const child = spawn(process.execPath, [script, dir, base, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  const ready = new Promise<number[]>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^ready (.*)$/m.exec(out);
      if (m) resolve(JSON.parse(m[1]!) as number[]);
    });
    void ended.then(() => reject(new Error(`holder ended before it was ready: ${out}`)));
  });
  return { child, ready, ended };
}

describe('a lab in a process that goes away', () => {
  test('SIGTERM to the process stops its lab, and the process still dies of SIGTERM', async () => {
    const dir = path.join(root, 'term');
    const holder = startHolder(dir, '127.0.51', 'wait');
    const pids = await holder.ready;
    expect(pids.every(alive)).toBe(true);
    holder.child.kill('SIGTERM');
    expect((await holder.ended).signal).toBe('SIGTERM');
    expect(await eventually(() => pids.every((p) => !alive(p)), 5000)).toBe(true);
    expect(await labProcessesLeft(dir)).toEqual([]);
  });

  test('SIGINT (Ctrl-C) to the process stops its lab', async () => {
    const dir = path.join(root, 'int');
    const holder = startHolder(dir, '127.0.52', 'wait');
    const pids = await holder.ready;
    holder.child.kill('SIGINT');
    expect((await holder.ended).signal).toBe('SIGINT');
    expect(await eventually(() => pids.every((p) => !alive(p)), 5000)).toBe(true);
    expect(await labProcessesLeft(dir)).toEqual([]);
  });

  test('an uncaught exception in the process stops its lab', async () => {
    const dir = path.join(root, 'crash');
    const holder = startHolder(dir, '127.0.53', 'crash');
    const pids = await holder.ready;
    expect((await holder.ended).code).not.toBe(0);
    expect(await eventually(() => pids.every((p) => !alive(p)), 5000)).toBe(true);
    expect(await labProcessesLeft(dir)).toEqual([]);
  });
});
