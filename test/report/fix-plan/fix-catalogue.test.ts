import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadPack } from '../../../src/checks/catalog.js';
import { FixCatalogueError, loadFixCatalogue, repairFunctionName } from '../../../src/report/fix-plan/fix-catalogue.js';
import { REPO } from '../../helpers/pwsh.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

// A root holding the real mars pack and one fix file of the test's making.
function rootWith(name: string, text: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'fleet-scan-fixes-'));
  dirs.push(root);
  cpSync(path.join(REPO, 'ps-scripts', 'packs', 'mars'), path.join(root, 'ps-scripts', 'packs', 'mars'), { recursive: true });
  cpSync(path.join(REPO, 'ps-scripts', 'fixes', 'mars', 'steps.json'), path.join(root, 'ps-scripts', 'fixes', 'mars', 'steps.json'));
  writeFileSync(path.join(root, 'ps-scripts', 'fixes', 'mars', name), text);
  return root;
}

const metadata = (fields: Record<string, unknown>) =>
  `$FsFixMetadata = @'\n${JSON.stringify({ check: 'mars-clock-skew', title: 'Resynchronise the clock', statuses: ['fail'], source: 'https://learn.microsoft.com/x', ...fields })}\n'@\n\n`;

describe('loadFixCatalogue', () => {
  test('the mars pack has a scripted fix for each check a script can fix, each with its Repair- function', () => {
    const catalogue = loadFixCatalogue('mars');
    expect([...catalogue.fixes.keys()].sort()).toEqual([
      'mars-agent-installed', 'mars-antivirus-exclusions', 'mars-clock-skew', 'mars-proxy-config', 'mars-tls12-dotnet',
      'mars-tls12-legacy-os', 'mars-tls12-schannel', 'mars-windows-temp-files',
    ]);
    for (const fix of catalogue.fixes.values()) {
      expect(fix.file).toBe(`ps-scripts/fixes/mars/${fix.meta.check}.ps1`);
      expect(fix.source.startsWith(`function ${fix.functionName} {`)).toBe(true);
      expect(fix.source).toContain('.SYNOPSIS');
    }
  });

  test('every check of the mars pack has steps for a person', () => {
    const catalogue = loadFixCatalogue('mars');
    expect([...catalogue.steps.keys()].sort()).toEqual(loadPack('mars').checks.map((c) => c.id).sort());
  });

  test('the repair function of a check is Repair- and its id in PascalCase', () => {
    expect(repairFunctionName('mars-tls12-dotnet')).toBe('Repair-MarsTls12Dotnet');
  });

  test.each([
    ['metadata that is not JSON', 'mars-clock-skew.ps1', "$FsFixMetadata = @'\n{ nope\n'@\n", /^ps-scripts\/fixes\/mars\/mars-clock-skew\.ps1: not JSON: /],
    ['a file without metadata', 'mars-clock-skew.ps1', 'function Repair-MarsClockSkew {\n}\n', /^ps-scripts\/fixes\/mars\/mars-clock-skew\.ps1: no \$FsFixMetadata/],
    ['a metadata field of the wrong kind', 'mars-clock-skew.ps1', `${metadata({ statuses: ['pass'] })}function Repair-MarsClockSkew {\n}\n`, /: invalid fix metadata: statuses\[0\]: /],
    ['a check id that is not the file name', 'mars-clock-skew.ps1', `${metadata({ check: 'mars-tls12-dotnet' })}function Repair-MarsTls12Dotnet {\n}\n`, /: check "mars-tls12-dotnet" does not match the file name$/],
    ['a check the pack does not have', 'mars-nope.ps1', `${metadata({ check: 'mars-nope' })}function Repair-MarsNope {\n}\n`, /: the pack has no check mars-nope$/],
    ['no repair function', 'mars-clock-skew.ps1', `${metadata({})}function Repair-Clock {\n}\n`, /: no function Repair-MarsClockSkew$/],
    ['a second function after the repair', 'mars-clock-skew.ps1', `${metadata({})}function Repair-MarsClockSkew {\n}\nfunction Get-Other {\n}\n`, /: Repair-MarsClockSkew must be the file's only function/],
    ['an evidence pattern that is no regular expression', 'mars-clock-skew.ps1', `${metadata({ evidence: '(' })}function Repair-MarsClockSkew {\n}\n`, /: evidence is not a regular expression: /],
  ])('refuses %s with one line naming the file', (_what, name, text, message) => {
    const root = rootWith(name, text);
    const load = () => loadFixCatalogue('mars', { root });
    expect(load).toThrow(FixCatalogueError);
    expect(load).toThrow(message);
  });
});
