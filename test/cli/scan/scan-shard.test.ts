import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunSettings } from '../../../src/cli/scan/run-settings.js';
import { asShardRecord, recordExitCode, scanShard, type ShardArgs, type ShardInput } from '../../../src/cli/scan/scan-shard.js';
import { UsageError } from '../../../src/cli/usage-error.js';
import { loadInventory } from '../../../src/inventory/load.js';
import type { Inventory } from '../../../src/inventory/schema.js';
import { fleetDigest, shardHosts } from '../../../src/inventory/shard.js';
import { Journal, journalPathFor } from '../../../src/runner/journal.js';
import { checkMeta, host, outcome, runRecord } from '../../history/helpers/records.js';
import { scratchDir } from '../helpers/scan-inputs.js';

const dir = scratchDir('scan-shard');
const settings: RunSettings = { checkIds: null, tags: null, deadlineMs: 90_000, concurrency: 8, failOn: 'any', connectTimeoutMs: undefined };
let inventory: Inventory;

beforeAll(async () => {
  const file = path.join(dir, 'inventory.json');
  const hosts = Array.from({ length: 12 }, (_, i) => ({
    name: `fs${String(i + 1).padStart(2, '0')}`,
    ...(i < 8 && { site: i < 4 ? 'paris' : 'lyon' }),
    ...(i === 11 && { connectTimeout: '40s' }),
  }));
  writeFileSync(file, JSON.stringify({ name: 'shard-tests', defaults: { cloud: 'public', connectTimeout: '15s' }, hosts }));
  inventory = await loadInventory(file);
});

function input(over: Partial<ShardInput> = {}): ShardInput {
  return { inventory, selected: inventory.hosts, hostPatterns: null, settings, reports: { outDir: dir }, ...over };
}

function usage(args: ShardArgs, env: NodeJS.ProcessEnv = {}, over: Partial<ShardInput> = {}): string {
  try {
    scanShard(args, input(over), env);
  } catch (error) {
    if (error instanceof UsageError) return error.lines.join('\n');
    throw error;
  }
  throw new Error('expected a usage error');
}

const names = (hosts: readonly { name: string }[]) => hosts.map((h) => h.name);

describe('scanShard', () => {
  it('is no shard at all without --shard, --shards, --site or --run-id', () => {
    expect(scanShard({}, input(), {})).toBeUndefined();
  });

  it('--shard K/N scans the hosts the split gives shard K, and names every file for the run and the shard', () => {
    const scan = scanShard({ shard: '2/3', runId: 'night-1' }, input(), {})!;
    expect(names(scan.hosts)).toEqual(names(shardHosts(inventory.hosts, { index: 2, count: 3 })));
    expect(scan.shard).toEqual({ index: 2, count: 3, fleetDigest: fleetDigest(inventory.hosts) });
    expect(scan.runId).toBe('night-1');
    expect(scan.journalFile).toBe(path.join(dir, 'fleet-scan-night-1-shard-2of3.journal.jsonl'));
    expect(scan.reports).toEqual({ outDir: dir, json: path.join(dir, 'fleet-scan-night-1-shard-2of3.json'), xlsx: path.join(dir, 'fleet-scan-night-1-shard-2of3.xlsx') });
    expect(scan.retried).toBeUndefined();
  });

  it('--shards N takes shard K from JOB_COMPLETION_INDEX, 0-based as a Kubernetes Indexed Job counts', () => {
    for (const index of [0, 1, 2]) {
      const scan = scanShard({ shards: 3, runId: 'night-1' }, input(), { JOB_COMPLETION_INDEX: String(index) })!;
      expect(scan.shard).toMatchObject({ index: index + 1, count: 3 });
      expect(names(scan.hosts)).toEqual(names(shardHosts(inventory.hosts, { index: index + 1, count: 3 })));
    }
  });

  it('--site scans only that site (any case), split into shards, its files named for the site', () => {
    const scan = scanShard({ site: 'PARIS', shard: '1/2', runId: 'night-1' }, input(), {})!;
    const paris = inventory.hosts.filter((h) => h.site === 'paris');
    expect(names(scan.hosts)).toEqual(names(shardHosts(paris, { index: 1, count: 2 })));
    expect(scan.shard).toMatchObject({ index: 1, count: 2, site: 'paris' });
    expect(scan.journalFile).toBe(path.join(dir, 'fleet-scan-night-1-paris-shard-1of2.journal.jsonl'));
    expect(scanShard({ site: 'lyon', runId: 'night-1' }, input(), {})!.shard).toMatchObject({ index: 1, count: 1, site: 'lyon' });
  });

  it('records the --host patterns and keeps report paths given on the command line', () => {
    const scan = scanShard({ shard: '1/2', runId: 'night-1' }, input({ hostPatterns: ['fs0*'], reports: { outDir: dir, json: '/r/run.json', xlsx: false } }), {})!;
    expect(scan.shard?.hostPatterns).toEqual(['fs0*']);
    expect(scan.reports).toEqual({ outDir: dir, json: '/r/run.json', xlsx: false });
  });

  it('records the longest connect timeout of every selected host, so all shards record the same', () => {
    for (const shard of ['1/3', '2/3', '3/3']) {
      expect(scanShard({ shard, runId: 'night-1' }, input(), {})!.settings.connectTimeoutMs).toBe(40_000);
    }
    expect(scanShard({ shard: '1/3', runId: 'night-1' }, input({ settings: { ...settings, connectTimeoutMs: 5000 } }), {})!.settings.connectTimeoutMs).toBe(5000);
  });

  it('a shard the split leaves empty is still a shard: it scans nothing and writes its record', () => {
    const few = inventory.hosts.slice(0, 2);
    const empties = [1, 2, 3, 4, 5, 6].map((k) => scanShard({ shard: `${k}/6`, runId: 'night-1' }, input({ selected: few }), {})!).filter((s) => s.hosts.length === 0);
    expect(empties.length).toBeGreaterThan(0);
  });

  it.each<[string, ShardArgs, NodeJS.ProcessEnv, string]>([
    ['--shard and --shards', { shard: '1/2', shards: 2, runId: 'r' }, { JOB_COMPLETION_INDEX: '0' }, '--shard K/N and --shards N: give one (--shards reads K from JOB_COMPLETION_INDEX)'],
    ['shard 0', { shard: '0/3', runId: 'r' }, {}, '--shard: must be K/N with 1 <= K <= N (shard 3 of 8 is 3/8), got "0/3"'],
    ['a shard past the count', { shard: '4/3', runId: 'r' }, {}, '--shard: must be K/N with 1 <= K <= N (shard 3 of 8 is 3/8), got "4/3"'],
    ['no count', { shard: '3', runId: 'r' }, {}, '--shard: must be K/N with 1 <= K <= N (shard 3 of 8 is 3/8), got "3"'],
    ['--shards without the index', { shards: 3, runId: 'r' }, {}, '--shards N: JOB_COMPLETION_INDEX is not set (a Kubernetes Indexed Job sets it in each pod; elsewhere give --shard K/N)'],
    ['an index past the count', { shards: 3, runId: 'r' }, { JOB_COMPLETION_INDEX: '3' }, 'JOB_COMPLETION_INDEX: must be a whole number from 0 to 2 with --shards 3, got "3"'],
    ['an index that is no number', { shards: 3, runId: 'r' }, { JOB_COMPLETION_INDEX: 'two' }, 'JOB_COMPLETION_INDEX: must be a whole number from 0 to 2 with --shards 3, got "two"'],
    ['no run id', { shard: '1/3' }, {}, '--shard/--shards/--site: shards of one run share a run id: give --run-id ID, the same on every shard'],
    ['a run id that is no file name', { shard: '1/3', runId: '../x' }, {}, '--run-id: must be letters, digits, ".", "_" or "-" (up to 128), starting with a letter or digit, got "../x"'],
    ['--resume', { shard: '1/3', runId: 'r', resume: 'old' }, {}, '--resume continues a run by its journal; with --run-id a scan continues its own run: give one of them'],
    ['--history', { shard: '1/3', runId: 'r', history: 'h.sqlite' }, {}, '--history: a shard is recorded once merged (fleet-scan merge --history), not on its own'],
    ['an unknown site', { site: 'oslo', runId: 'r' }, {}, `--site: no selected host of ${'INVENTORY'} is in site "oslo" (sites: lyon, paris)`],
    ['a site that is no file name', { site: 'a/b', runId: 'r' }, {}, '--site: must be a site name (letters, digits, ".", "_" or "-", up to 64), got "a/b"'],
  ])('refuses %s with one line', (_what, args, env, message) => {
    expect(usage(args, env)).toBe(message.replace('INVENTORY', inventory.path));
  });

  describe('a retried shard (the same run id and slice again)', () => {
    const header = (runId: string, hostNames: string[], checks: string[] | null = null) => ({
      type: 'run' as const, runId, startedAt: '2026-11-25T02:00:00.000Z', inventoryPath: inventory.path, pack: 'mars',
      parameters: { concurrency: 8, deadlineMs: 90_000, connectTimeoutMs: 40_000, checks, tags: null, failOn: 'any' as const }, hostNames,
    });

    it('continues the journal its first attempt left, with the hosts that attempt finished', () => {
      const expected = names(shardHosts(inventory.hosts, { index: 1, count: 2 }));
      Journal.create(journalPathFor(dir, 'retry-1-shard-1of2'), header('retry-1', expected)).append(host(expected[0]!, [outcome('mars-a', 'pass')]));
      const scan = scanShard({ shard: '1/2', runId: 'retry-1' }, input(), {})!;
      expect(scan.retried?.file).toBe(scan.journalFile);
      expect([...scan.retried!.journal.finished.keys()]).toEqual([expected[0]]);
    });

    it('refuses a journal of that name started for other hosts or other --checks: that is another run', () => {
      Journal.create(journalPathFor(dir, 'retry-2-shard-1of2'), header('retry-2', ['fs99']));
      expect(usage({ shard: '1/2', runId: 'retry-2' })).toBe(`--run-id retry-2: ${journalPathFor(dir, 'retry-2-shard-1of2')} was started for other hosts (the inventory changed?): give a new --run-id`);
      const expected = names(shardHosts(inventory.hosts, { index: 1, count: 2 }));
      Journal.create(journalPathFor(dir, 'retry-3-shard-1of2'), header('retry-3', expected, ['mars-clock-skew']));
      expect(usage({ shard: '1/2', runId: 'retry-3' })).toBe(`--run-id retry-3: ${journalPathFor(dir, 'retry-3-shard-1of2')} was started with other --checks or --tags: give a new --run-id`);
    });
  });
});

describe('recordExitCode (--no-findings-exit)', () => {
  it('exits 0 for findings once the record is written, and says so', () => {
    for (const code of [1, 4, 5]) {
      const said: string[] = [];
      expect(recordExitCode(code, true, (line) => said.push(line))).toBe(0);
      expect(said).toEqual(["Exit 0 (--no-findings-exit): the run record is complete; fleet-scan merge gives the run's exit code."]);
    }
  });

  it('keeps the code when the record was not written, and for bad input, a bug or an interrupt', () => {
    const said: string[] = [];
    expect(recordExitCode(5, false, (line) => said.push(line))).toBe(5);
    for (const code of [0, 2, 3, 130]) expect(recordExitCode(code, true, (line) => said.push(line))).toBe(code);
    expect(said).toEqual([]);
  });
});

describe('asShardRecord', () => {
  it('names the slice and leaves the fleet-side checks to the merge, each host check as it ended', () => {
    const checks = [checkMeta('mars-a'), { ...checkMeta('mars-fleet'), kind: 'fleet' as const }];
    const record = runRecord({ hosts: [host('fs01', [outcome('mars-a', 'fail', 'old'), outcome('mars-fleet', 'pass')])], checks });
    const shard = { index: 2, count: 3, fleetDigest: 'd'.repeat(64) };
    const result = asShardRecord(record, shard);
    expect(result.shard).toEqual(shard);
    expect(result.hosts[0]!.checks).toEqual([
      outcome('mars-a', 'fail', 'old'),
      { id: 'mars-fleet', status: 'not-run', summary: 'judged over the whole fleet by fleet-scan merge', evidence: [], reason: 'judged over the whole fleet by fleet-scan merge' },
    ]);
    expect(record.hosts[0]!.checks[1]!.status).toBe('pass');
  });
});
