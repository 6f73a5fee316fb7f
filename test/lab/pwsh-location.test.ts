import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
