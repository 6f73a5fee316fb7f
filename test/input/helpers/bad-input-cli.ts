// Runs the built CLI on bad input the way an admin would, in a folder of its own, and holds the rule for
// every such run: exit 2, exactly one line on stderr per problem (each naming the flag or field), no stack
// trace, nothing on stdout, and nothing written (the folder it ran in stays empty, no history is made).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { BIN, expectNoStack } from '../../cli/helpers/run-cli.js';

export interface BadRun {
  code: number | null;
  stderrLines: string[];
  stdout: string;
  /** What the run left in the folder it ran in (relative names). */
  left: string[];
}

/** Runs `fleet-scan ...args` in a fresh empty folder whose state home is inside it. */
export function runInEmptyDir(args: string[]): Promise<BadRun> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'fs-bad-input-'));
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', HOME: cwd, XDG_STATE_HOME: path.join(cwd, 'state') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      const left = readdirSync(cwd, { recursive: true }).map(String);
      rmSync(cwd, { recursive: true, force: true });
      expect(expectNoStack(stderr), stderr).toBe(true);
      resolve({ code, stdout, left, stderrLines: stderr.split('\n').filter((l) => l !== '') });
    });
  });
}

/** The rule for one bad value: exit 2, one line matching `names`, nothing else said or written. */
export function expectRefused(run: BadRun, names: RegExp, lines = 1): void {
  const said = run.stderrLines.join('\n');
  expect(run.code, said).toBe(2);
  expect(run.stderrLines, said).toHaveLength(lines);
  for (const line of run.stderrLines) expect(line, said).toMatch(/^fleet-scan: /);
  for (const line of run.stderrLines) expect(line, said).toMatch(names);
  expect(run.stdout).toBe('');
  expect(run.left).toEqual([]);
}

/** Runs many CLI cases a few at a time (each is a node start-up; the machine has two cores). */
export async function inBatches<T, R>(items: readonly T[], each: (item: T) => Promise<R>, width = 3): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await each(items[i]!);
    }
  }));
  return results;
}
