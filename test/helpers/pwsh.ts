import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The repo's exec wrapper: one process, so a kill reaches pwsh itself. */
export const PWSH = path.join(REPO, '.tools', 'bin', 'pwsh');

export interface PwshRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the repo's pwsh with `args` and resolves with its exit code and output, whatever the code. */
export function runPwsh(args: string[], options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<PwshRun> {
  return new Promise((resolve) => {
    execFile(PWSH, ['-NoLogo', '-NoProfile', '-NonInteractive', ...args], {
      timeout: options.timeoutMs ?? 60_000,
      killSignal: 'SIGKILL',
      maxBuffer: 64 * 1024 * 1024,
      // TERM=dumb and NO_COLOR: no escape codes in what we compare.
      env: { ...process.env, TERM: 'dumb', NO_COLOR: '1', ...options.env },
    }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs a PowerShell script text (errors rendered as plain text). */
export function runPwshScript(script: string, options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<PwshRun> {
  return runPwsh(['-Command', `$PSStyle.OutputRendering = 'PlainText'\n${script}`], options);
}
