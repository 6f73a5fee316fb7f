import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { diffRuns } from '../../../src/history/diff.js';
import { runRecordSchema } from '../../../src/record/run-record.js';
import { REPO, runPwshScript } from '../../helpers/pwsh.js';

// Compare-FleetScanRun reimplements src/history/diff.ts in PowerShell; on real records both must say the same.
const RUNS = path.join(REPO, 'test', 'fixtures', 'runs');
const MODULE = path.join(REPO, 'powershell', 'FleetScan', 'FleetScan.psd1');
const record = (name: string) => runRecordSchema.parse(JSON.parse(readFileSync(path.join(RUNS, name), 'utf8')));

interface Line { kind: string; host: string; check: string | null; before: string | null; after: string | null; detail: string }

async function moduleChanges(reference: string, difference: string): Promise<Line[]> {
  const run = await runPwshScript([
    `Import-Module '${MODULE}'`,
    `$changes = @(Compare-FleetScanRun -ReferenceRun '${path.join(RUNS, reference)}' -DifferenceRun '${path.join(RUNS, difference)}')`,
    `ConvertTo-Json -Depth 3 -InputObject @($changes | ForEach-Object { [ordered]@{ kind = $_.Kind; host = $_.Host; check = $_.CheckId; before = $_.Before; after = $_.After; detail = $_.Detail } })`,
  ].join('\n'));
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Line[];
}

function diffChanges(reference: string, difference: string): Line[] {
  return diffRuns(record(reference), record(difference)).changes.map((c) => ({
    kind: c.kind, host: c.host, check: c.check ?? null, before: c.before ?? null, after: c.after ?? null, detail: c.detail,
  }));
}

describe('Compare-FleetScanRun', () => {
  test.each([
    ['run-a.json', 'run-b.json'],
    ['run-b.json', 'run-a.json'],
  ])('finds the changes diffRuns finds from %s to %s, in the same order and words', async (reference, difference) => {
    const expected = diffChanges(reference, difference);
    expect(expected.length).toBeGreaterThan(5);
    expect(await moduleChanges(reference, difference)).toEqual(expected);
  });
});
