// The controller benchmark's bookkeeping (not its timings): which runs count, the goals it checks and the
// sizing it derives. No timing is asserted here; speed belongs to bench/.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs bench module without type declarations
import { controllerSummary, renderControllerResults, writeControllerSection } from '../../bench/controller-results.mjs';

const MB = 2 ** 20;
function run(over: Record<string, unknown>) {
  return {
    contender: 'floor', n: 1000, concurrency: 64, rep: 0, valid: true, wallMs: 60_000, controllerCpu: 50,
    controllerPeakRss: 400 * MB, controllerPeakPss: 100 * MB, controllerPeakByName: { ssh: 300 }, remoteCpu: 20, load1: 2, ...over,
  };
}
const meta = { section: 'controller', date: '2026-01-01T00:00:00Z', reps: 1, labels: { floor: 'floor', 'ssh-exec': 'exec', winrm: 'winrm' }, canned: { checks: 29, bytes: 18_000 }, command: 'x' };

describe('controllerSummary', () => {
  it('gives per-host figures of the valid runs only', () => {
    const s = controllerSummary([run({}), run({ rep: 1, controllerCpu: 70 }), run({ rep: 2, valid: false, controllerCpu: 999 })], 'floor', 1000, 64);
    expect(s.valid).toBe(2);
    expect(s.runs).toBe(3);
    expect(s.cpuPerHost).toEqual([0.05, 0.07]);
    expect(s.perMinute).toEqual([1000, 1000]);
  });

  it('reports no figures for a contender whose every run was invalid', () => {
    expect(controllerSummary([run({ valid: false })], 'floor', 1000, 64)).toEqual({ runs: 1, valid: 0 });
  });
});

describe('renderControllerResults', () => {
  const runs = [
    run({}),
    run({ contender: 'ssh-exec', controllerCpu: 70, controllerPeakByName: { node: 150, dotnet: 120 } }),
    run({ contender: 'winrm', controllerCpu: 90, controllerPeakPss: 200 * MB, controllerPeakByName: { node: 150, dotnet: 120 } }),
    run({ n: 5000, controllerCpu: 250 }),
    run({ n: 5000, contender: 'ssh-exec', controllerCpu: 350, controllerPeakRss: 420 * MB, controllerPeakPss: 105 * MB, controllerPeakByName: { node: 160, dotnet: 121 } }),
    run({ n: 5000, contender: 'winrm', controllerCpu: 400, controllerPeakRss: 500 * MB, controllerPeakPss: 260 * MB, controllerPeakByName: { node: 200, dotnet: 120 } }),
  ];
  const text = renderControllerResults(meta, runs);

  it('judges controller CPU per host against 1.5 times the floor of the same size and concurrency', () => {
    expect(text).toContain('- 1000 hosts, concurrency 64: `ssh-exec` controller CPU per host ≤ 1.5 × the floor\'s: 1.40 × → **met**');
    expect(text).toContain('- 1000 hosts, concurrency 64: `winrm` controller CPU per host ≤ 1.5 × the floor\'s: 1.80 × → **MISSED**');
  });

  it('judges memory growth from the smallest to the largest fleet at one concurrency, worker included', () => {
    expect(text).toContain('`ssh-exec`, concurrency 64: peak controller RSS sum at 5000 hosts within +10 % of 1000: 420 vs 400 MB, +5 % → **met**');
    expect(text).toContain('`winrm`, concurrency 64: peak controller PSS sum at 5000 hosts within +10 % of 1000: 260 vs 200 MB, +30 % → **MISSED**');
    expect(text).toContain('`winrm`, concurrency 64: peak controller pwsh worker RSS at 5000 hosts within +10 % of 1000: 120 vs 120 MB, +0 % → **met**');
  });

  it('states hosts per minute per core from the CPU per host, and the table of every block', () => {
    expect(text).toMatch(/- `ssh-exec`: 0\.0\d+ controller CPU-s per host, so one core scans about [\d,]+ hosts per minute/);
    expect(text).toContain('### 5,000 hosts, concurrency 64');
    expect(text).toContain('| exec | 1 of 1 | 60.0 | 5000 | 0.0700 | 1.40 | 420 (105) | 121 | 0.0040 | 2.0 |');
  });

  it('writes its block between its own markers and keeps the prose around it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'controller-results-'));
    try {
      const file = path.join(dir, 'RESULTS.md');
      writeFileSync(file, `# Results\n\nprose before\n\n${text}\n\nprose after\n`);
      writeControllerSection(file, 'controller', text.replace('Measured 2026-01-01', 'Measured 2027-02-02'));
      const written = readFileSync(file, 'utf8');
      expect(written).toContain('prose before');
      expect(written).toContain('prose after');
      expect(written).toContain('Measured 2027-02-02');
      expect(written).not.toContain('Measured 2026-01-01');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
