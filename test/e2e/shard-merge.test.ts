// A fleet scanned in three shards, each a separate `fleet-scan scan` process given exactly what a
// Kubernetes Indexed Job gives its pods (JOB_COMPLETION_INDEX, --shards 3, one --run-id, one results
// folder), then `fleet-scan merge`: the merged record equals one controller's scan of the whole fleet,
// host for host and check for check, fleet checks included (the two machines of one name are on
// different shards). Also: a retried shard continues its journal, and a merge missing a shard says so.
// Real sshd hosts on 127.0.171.x; only their Windows state is staged. Needs `npm run build`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardOf } from '../../src/inventory/shard.js';
import { startFleet, type Lab } from '../../src/lab/index.js';
import { runRecordSchema, type HostResult, type RunRecord } from '../../src/record/run-record.js';
import { endLabTurn, takeLabTurn } from '../runner/helpers/lab-lock.js';
import { healthyInventoryVars, healthyStates, writeInventory } from '../runner/helpers/scan-lab.js';
import { assertBuilt, killStillRunning, runCli, type CliRun } from './run-cli.js';

// Few hosts, yet every shard has one: fs06 is shard 1, fs01 and fs03 shard 2, fs02 shard 3 (checked below).
const NAMES = ['fs01', 'fs02', 'fs03', 'fs06'];
const CHECKS = 'mars-dotnet-version,mars-os-supported,mars-fleet-duplicate-names,mars-fleet-vault-capacity';
const RUN_ID = 'e2e-night-1';

const read = (file: string): RunRecord => runRecordSchema.parse(JSON.parse(readFileSync(file, 'utf8')));

/** A host as two runs of the same fleet must agree on it: everything but when and how long. */
function comparable(host: HostResult): unknown {
  const { startedAt: _s, durationMs: _d, ...rest } = host;
  return { ...rest, checks: rest.checks.map(({ ms: _ms, ...c }) => c) };
}

describe.sequential('a fleet scanned in three shards as an Indexed Job would, then merged', () => {
  let dir: string;
  let release: (() => void) | undefined;
  let lab: Lab | undefined;
  let inventory: string;
  let results: string;
  let single: RunRecord;
  let shards: CliRun[];

  const shardFile = (k: number) => path.join(results, `fleet-scan-${RUN_ID}-shard-${k}of3.json`);
  const scanShard = (index: number, extra: string[] = []) =>
    runCli(['scan', '-i', inventory, '--shards', '3', '--run-id', RUN_ID, '-o', results, '--checks', CHECKS, '--no-findings-exit', '--no-xlsx', '--quiet', '--deadline', '60s', ...extra],
      { env: { JOB_COMPLETION_INDEX: String(index) } });

  beforeAll(async () => {
    assertBuilt();
    release = await takeLabTurn();
    dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-e2e-shards-'));
    const states = healthyStates(path.join(dir, 'states'), NAMES.length);
    // fs02 is a second machine called FS01 in the same vault; fs06 has .NET 4.7.2 where MARS needs 4.8.
    const dress = (i: number, change: (state: Record<string, any>) => void) => {
      const state = JSON.parse(readFileSync(states[i]!, 'utf8'));
      change(state);
      writeFileSync(states[i]!, JSON.stringify(state));
    };
    dress(1, (s) => (s.computer.computerName = 'FS01'));
    dress(3, (s) => (s.registry['HKLM:\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full'] = { Release: 461808, Version: '4.7.03062' }));
    lab = await startFleet({ dir: path.join(dir, 'lab'), base: '127.0.171', count: NAMES.length, states, names: NAMES });
    inventory = writeInventory(path.join(dir, 'fleet.json'), lab, NAMES.map((name, i) => ({ name, address: lab!.hosts[i]!.address, vars: healthyInventoryVars() })), { shell: lab.powershell, connectTimeout: '45s' });
    results = path.join(dir, 'results');
    // The Job's pods run side by side; the one-controller run for comparison goes with them.
    const singleJson = path.join(dir, 'single.json');
    const [one, ...three] = await Promise.all([
      runCli(['scan', '-i', inventory, '-o', path.join(dir, 'single'), '--json', singleJson, '--no-xlsx', '--no-history', '--checks', CHECKS, '--quiet', '--deadline', '60s']),
      scanShard(0), scanShard(1), scanShard(2),
    ]);
    expect(one!.code, `${one!.stdout}\n${one!.stderr}`).toBe(1);
    single = read(singleJson);
    shards = three;
  }, 300_000);

  afterAll(async () => {
    killStillRunning();
    await endLabTurn(release, dir, lab);
  }, 120_000);

  it('puts the two machines named FS01 on different shards, and every shard has hosts', () => {
    expect(shardOf('fs01', 3)).not.toBe(shardOf('fs02', 3));
    expect(new Set(NAMES.map((n) => shardOf(n, 3))).size).toBe(3);
  });

  it('each shard scans only its hosts, exits 0 once its record is written, and names its record for the run and shard', () => {
    for (const [i, run] of shards.entries()) {
      expect(run.code, run.stderr).toBe(0);
      const record = read(shardFile(i + 1));
      expect(record.runId).toBe(RUN_ID);
      expect(record.shard).toMatchObject({ index: i + 1, count: 3 });
      expect(record.hosts.map((h) => h.name)).toEqual(NAMES.filter((n) => shardOf(n, 3) === i + 1));
    }
    // The shard holding fs06's .NET failure would exit 1; it says why it exits 0.
    const failing = shardOf('fs06', 3) - 1;
    expect(shards[failing]!.stdout).toContain("Exit 0 (--no-findings-exit): the run record is complete; fleet-scan merge gives the run's exit code.");
  });

  it('merges into the record one controller writes: host for host, check for check, fleet checks over the whole fleet', async () => {
    const out = path.join(dir, 'merged');
    const run = await runCli(['merge', shardFile(1), shardFile(2), shardFile(3), '-o', out, '--no-history', '--no-xlsx']);
    expect(run.code, run.stderr).toBe(1);
    const merged = read(path.join(out, `fleet-scan-${RUN_ID}.json`));
    expect(merged.hosts.map(comparable)).toEqual(single.hosts.map(comparable));
    expect(merged.checks).toEqual(single.checks);
    expect(merged.parameters).toEqual(single.parameters);
    expect(merged.inventory).toEqual(single.inventory);
    const duplicate = (name: string) => merged.hosts.find((h) => h.name === name)!.checks.find((c) => c.id === 'mars-fleet-duplicate-names')!.status;
    expect([duplicate('fs01'), duplicate('fs02'), duplicate('fs03')]).toEqual(['fail', 'fail', 'pass']);
    expect(merged.merged?.shards.map((s) => s.state)).toEqual(['merged', 'merged', 'merged']);
  }, 120_000);

  it('a retried shard continues its journal and rescans nothing it finished', async () => {
    const before = read(shardFile(2));
    rmSync(shardFile(2));
    const again = await scanShard(1);
    expect(again.code, again.stderr).toBe(0);
    const after = read(shardFile(2));
    expect(after.hosts.map((h) => [h.name, h.startedAt])).toEqual(before.hosts.map((h) => [h.name, h.startedAt]));
    expect(after.startedAt).toBe(before.startedAt);
  }, 120_000);

  it('a merge missing a shard says which on its first line, marks its hosts not-run and exits with bit 4', async () => {
    const gone = shardOf('fs06', 3) === 1 ? 2 : 1;
    const kept = [1, 2, 3].filter((k) => k !== gone).map(shardFile);
    const run = await runCli(['merge', ...kept, '-o', path.join(dir, 'partial'), '--no-history', '--no-xlsx']);
    expect(run.stdout.split('\n')[0]).toBe(`incomplete: shard ${gone}/3 missing`);
    expect(run.code, run.stderr).toBe(5);
    const merged = read(path.join(dir, 'partial', `fleet-scan-${RUN_ID}.json`));
    expect(merged.hosts.filter((h) => h.status === 'not-run').map((h) => h.name)).toEqual(NAMES.filter((n) => shardOf(n, 3) === gone));
  }, 120_000);
});
