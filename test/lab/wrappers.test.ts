import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { findPwsh } from '../../src/lab/pwsh-location.js';
import { writeLabWrappers } from '../../src/lab/wrappers.js';

const run = promisify(execFile);
const root = mkdtempSync(path.join(tmpdir(), 'fleet-scan-wrap-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('lab wrappers', () => {
  const pwsh = findPwsh();
  if (!pwsh.ok) throw new Error(pwsh.message);
  const w = writeLabWrappers(root, pwsh.value);

  test('the powershell stand-in execs pwsh itself, so the PID started is the PID that runs', async () => {
    const { stdout } = await run('sh', ['-c', `echo $$; exec ${w.powershell} -NoProfile -NonInteractive -Command '$PID; $PSVersionTable.PSVersion.Major; $env:TERM'`]);
    const [shellPid, pwshPid, major, term] = stdout.trim().split('\n');
    expect(pwshPid).toBe(shellPid);
    expect(major).toBe('7');
    expect(term).toBe('dumb');
  });

  test('the subsystem wrapper runs pwsh in server mode without a profile and both are executable', () => {
    expect(readFileSync(w.subsystem, 'utf8')).toContain(`exec ${pwsh.value.dotnet} ${pwsh.value.dll} -sshs -NoLogo -NoProfile`);
    expect(statSync(w.subsystem).mode & 0o111).not.toBe(0);
    expect(statSync(w.powershell).mode & 0o111).not.toBe(0);
  });

  test('the missing-path subsystem names a file that does not exist', () => {
    expect(() => statSync(w.missing)).toThrow();
  });
});
