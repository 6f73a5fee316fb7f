// The benchmark's bookkeeping (not its timings): which runs count, and that regenerating results keeps
// the prose of bench/RESULTS.md. No timing is asserted here; speed belongs to bench/.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs bench module without type declarations
import { renderResults, summarize, writeResultsSection } from '../../bench/fleet-results.mjs';
// @ts-expect-error plain .mjs bench module without type declarations
import { descendants, procTable, readStat, startSampler } from '../../bench/proc-sampler.mjs';

const MB = 2 ** 20;
function run(over: Record<string, unknown>) {
  return {
    contender: 'fleet-scan-ssh', n: 10, rep: 0, warmup: false, valid: true, wallMs: 10_000, controllerCpu: 5,
    controllerPeakRss: 100 * MB, controllerPeakPss: 80 * MB, remoteCpu: 20, remotePeakRss: 500 * MB,
    foreignCpu: 0, load1: 1, ...over,
  };
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('summarize', () => {
  it('takes the median over measured runs and leaves out warm-ups and invalid runs', () => {
    const runs = [
      run({ wallMs: 1_000, warmup: true }),
      run({ wallMs: 10_000 }),
      run({ wallMs: 30_000, rep: 1 }),
      run({ wallMs: 20_000, rep: 2 }),
      run({ wallMs: 99_000, rep: 3, valid: false }),
    ];
    const s = summarize(runs, 'fleet-scan-ssh', 10);
    expect(s).toMatchObject({ runs: 4, valid: 3, wallMin: 10, wall: 20, wallMax: 30 });
    expect(s.ctrlCpuPerHost).toBeCloseTo(0.5);
  });

  it('reports no figures for a contender whose every run was invalid', () => {
    const s = summarize([run({ valid: false })], 'fleet-scan-ssh', 10);
    expect(s).toEqual({ runs: 1, valid: 0 });
  });
});

describe('renderResults', () => {
  it('judges a run of the ssh transport against the Parallel script alone, with no floor: the CPU and memory lines, nothing it did not measure', () => {
    const runs = [20, 100].flatMap((n) => [
      run({ contender: 'baseline-parallel', n, controllerCpu: 0.4 * n }),
      run({ contender: 'fleet-scan-ssh', n, controllerCpu: 0.5 * n, controllerPeakRss: (n === 20 ? 100 : 105) * MB }),
    ]);
    const text = renderResults({ date: '2026-01-01T00:00:00Z', node: 'v20', concurrency: 16, reps: 1, command: 'x' }, runs, [
      { id: 'baseline-parallel', group: 'baseline', label: 'parallel' },
      { id: 'fleet-scan-ssh', group: 'fleet-scan', label: 'fs' },
    ]);
    expect(text).not.toMatch(/Infinity|NaN/);
    expect(text).toContain("- 100 hosts, fleet-scan-ssh controller CPU per host ≤ the ForEach-Object -Parallel script's: 0.50 vs 0.40 CPU-s (1.25 ×) → **MISSED**");
    expect(text).toContain('- fleet-scan-ssh peak controller RSS sum, 100 vs 20 hosts (concurrency 16): 105 vs 100 MB, +5 % → **met**');
    expect(text).not.toContain('pwsh-start floor:');
    expect(text).not.toContain('ssh-exec');
  });
});

describe('writeResultsSection', () => {
  it('replaces only the generated block and keeps the prose around it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fleet-results-'));
    dirs.push(dir);
    const file = path.join(dir, 'RESULTS.md');
    const first = renderResults({ date: '2026-01-01T00:00:00Z', node: 'v20', concurrency: 16, reps: 1, command: 'x' }, [run({ contender: 'floor-pwsh' }), run({})], [
      { id: 'floor-pwsh', group: 'floor', label: 'floor' },
      { id: 'fleet-scan-ssh', group: 'fleet-scan', label: 'fs' },
    ]);
    writeFileSync(file, `# Results\n\nprose before\n\n${first}\n\nprose after\n`);
    writeResultsSection(file, first.replace('Measured 2026-01-01', 'Measured 2027-02-02'));
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('prose before');
    expect(text).toContain('prose after');
    expect(text).toContain('Measured 2027-02-02');
    expect(text).not.toContain('Measured 2026-01-01');
  });
});

/** Spawns `file args`, waits (up to 5 s) for its first descendant and runs `body` on both; kills them all after. */
async function withDescendant(file: string, args: string[], body: (root: number, child: number) => void): Promise<void> {
  const root = spawn(file, args, { stdio: 'ignore' });
  try {
    let found: { pid: number }[] = [];
    for (let i = 0; i < 100 && found.length < 1; i++) {
      await new Promise((r) => setTimeout(r, 50));
      found = descendants(procTable(), [root.pid]);
    }
    expect(found.length).toBe(1);
    body(root.pid!, found[0]!.pid);
  } finally {
    for (const p of descendants(procTable(), [root.pid]) as { pid: number }[]) process.kill(p.pid, 'SIGKILL');
    root.kill('SIGKILL');
  }
}

describe('proc-sampler', () => {
  it('finds a grandchild as a descendant and reads its stat', async () => {
    await withDescendant('sh', ['-c', 'sleep 5 & wait'], (root, child) => {
      const sleeper = readStat(child);
      expect(sleeper.ppid).toBe(root);
      expect(sleeper.rss).toBeGreaterThan(0);
    });
  });

  it("counts a child between fork and exec as its parent's pages, not as memory of its own", async () => {
    // A process that forks and never execs, as pwsh is for a moment whenever it starts an ssh.
    await withDescendant('perl', ['-e', 'my $buf = "x" x (64 << 20); fork(); sleep 30'], (root, child) => {
      const fork = readStat(child);
      const self = readStat(root);
      expect(fork.forkedNoExec).toBe(true);
      expect(self.forkedNoExec).toBe(false);
      expect(fork.rss).toBeGreaterThan(60 * MB); // the copied 64 MB buffer: what an RSS sum would count twice
      const seen = startSampler({ root: () => root, listeners: [] }).stop();
      expect(seen.controllerPeakRss).toBeLessThan(self.rss + 8 * MB);
      expect(seen.controllerPeakRss).toBeGreaterThan(60 * MB);
    });
  });
});
