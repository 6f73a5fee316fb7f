import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../../src/checks/package-root.js';
import { findPwsh } from '../../src/lab/pwsh-location.js';

describe('findPwsh', () => {
  test('finds dotnet and pwsh.dll from the repo exec wrapper, skipping the tool shim', () => {
    const found = findPwsh();
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    expect(found.value.dll).toMatch(/\/pwsh\.dll$/);
    expect(existsSync(found.value.dll)).toBe(true);
    expect(existsSync(found.value.dotnet)).toBe(true);
    expect(existsSync(path.join(PACKAGE_ROOT, 'package.json'))).toBe(true);
  });

  test('finds the ReadyToRun copy setup compiled: its engine assembly carries native code, the IL tool\'s does not', () => {
    const found = findPwsh();
    if (!found.ok) throw new Error(found.message);
    expect(found.value.dll).toContain('/.tools/pwsh-r2r/');
    const engine = path.join(path.dirname(found.value.dll), 'System.Management.Automation.dll');
    // A ReadyToRun image has a managed native header in its CLR header; the IL-only assembly has none.
    const nativeHeader = (file: string) => execFileSync(found.value.dotnet, [found.value.dll, '-NoProfile', '-NonInteractive', '-c',
      `$s = [IO.File]::OpenRead('${file}'); try { ([Reflection.PortableExecutable.PEReader]::new($s)).PEHeaders.CorHeader.ManagedNativeHeaderDirectory.Size } finally { $s.Dispose() }`,
    ], { encoding: 'utf8' }).trim();
    expect(Number(nativeHeader(engine))).toBeGreaterThan(0);
    const tool = readFileSync(path.join(PACKAGE_ROOT, '.config', 'dotnet-tools.json'), 'utf8');
    const version = /"version":\s*"(7\.[0-9.]+)"/.exec(tool)![1]!;
    const il = path.join(process.env.NUGET_PACKAGES ?? path.join(homedir(), '.nuget', 'packages'), 'powershell', version, 'tools', 'net10.0', 'any', 'unix', 'System.Management.Automation.dll');
    expect(Number(nativeHeader(il))).toBe(0);
  });

  test('says to run setup when a root has neither the wrapper nor the tool manifest', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'fleet-scan-nopwsh-'));
    try {
      const found = findPwsh(empty);
      expect(found.ok).toBe(false);
      if (!found.ok) expect(found.message).toMatch(/^pwsh not found: run scripts\/setup\.sh/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
