import { describe, expect, test } from 'vitest';
import { planFunctions } from '../../../src/report/fix-plan/plan-functions.js';
import { REPO } from '../../helpers/pwsh.js';

const names = (seeds: string[], staged: boolean) => planFunctions(seeds, { root: REPO, staged }).map((f) => f.name);

describe('planFunctions', () => {
  test('takes every function the code calls and the functions they call, from the library folders', () => {
    const found = planFunctions(['$x = ConvertFrom-FsBase64Json -Text $t'], { root: REPO, staged: false });
    expect(found.map((f) => f.name)).toEqual(['ConvertFrom-FsBase64Json', 'ConvertTo-FsHashtable']);
    expect(found[0]!.file).toBe('ps-scripts/lib/ConvertFrom-FsBase64Json.ps1');
    expect(found[0]!.source.startsWith('function ConvertFrom-FsBase64Json {')).toBe(true);
  });

  test('takes the staged twins in place of the real state functions for a lab host, and only then', () => {
    const real = planFunctions(['Set-FsFixRegistryValue -Path $k -Name n -Value 1 -Type DWord'], { root: REPO, staged: false });
    expect(real.map((f) => f.file)).toEqual(['ps-scripts/fixes/lib/Set-FsFixRegistryValue.ps1']);
    const staged = names(['Set-FsFixRegistryValue -Path $k -Name n -Value 1 -Type DWord'], true);
    expect(staged).toContain('Save-FsStagedState');
    expect(staged).toContain('Get-FsStagedState');
    expect(planFunctions(['Set-FsFixRegistryValue'], { root: REPO, staged: true }).find((f) => f.name === 'Set-FsFixRegistryValue')!.file)
      .toBe('ps-scripts/fixes/lib/fake-staged/Set-FsFixRegistryValue.ps1');
  });

  test('does not take a name that appears only in a comment', () => {
    expect(names(['# Get-FsRegistryValue is not called\n<# Get-FsService neither #>\n$a = 1'], false)).toEqual([]);
  });
});
