// `fleet-scan merge` as a user runs it, over shard records written as a shard's scan writes them (the
// scans themselves, over a real lab, are test/e2e/shard-merge.test.ts). Needs `npm run build`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../../src/checks/catalog.js';
import { loadInventory } from '../../../src/inventory/load.js';
import type { Inventory } from '../../../src/inventory/schema.js';
import { fleetDigest, shardHosts, shardOf } from '../../../src/inventory/shard.js';
import { runRecordSchema, type RunRecord } from '../../../src/record/run-record.js';
import { hostIdentity } from '../../../src/runner/scan-host.js';
import { runRecord } from '../../history/helpers/records.js';
import { scratchDir } from '../helpers/scan-inputs.js';
import { expectNoStack, runCli } from '../helpers/run-cli.js';

const dir = scratchDir('merge-cmd');
const CHECKS = loadPack('mars').checks.filter((c) => c.id === 'mars-dotnet-version');
let inventory: Inventory;
let inventoryFile: string;

beforeAll(async () => {
  inventoryFile = path.join(dir, 'inventory.json');
  const hosts = Array.from({ length: 9 }, (_, i) => ({ name: `fs${String(i + 1).padStart(2, '0')}`, vars: { vaultName: 'rsv-a' } }));
  writeFileSync(inventoryFile, JSON.stringify({ name: 'merge-tests', defaults: { cloud: 'public' }, hosts }));
  inventory = await loadInventory(inventoryFile);
});

/** Shard K of 3 of run `runId`, as its scan records it: every host ok, fs01's .NET too old. */
function writeShard(name: string, index: number, extra: Partial<RunRecord> = {}): string {
  const hosts = shardHosts(inventory.hosts, { index, count: 3 }).map((h) => ({
    ...hostIdentity(h), status: 'ok' as const, termination: { reason: 'completed' as const }, computerName: h.name.toUpperCase(),
    checks: [{ id: 'mars-dotnet-version', status: h.name === 'fs01' ? 'fail' as const : 'pass' as const, summary: '', evidence: h.name === 'fs01' ? ['Release 461808'] : [] }],
  }));
  const record: RunRecord = {
    ...runRecord({ runId: 'night-1', hosts, checks: CHECKS }),
    inventory: { path: inventory.path, key: inventory.key, hostCount: hosts.length },
    shard: { index, count: 3, fleetDigest: fleetDigest(inventory.hosts) },
    ...extra,
  };
  const file = path.join(dir, `${name}-${index}.json`);
  writeFileSync(file, JSON.stringify(record));
  return file;
}

function readRecord(file: string): RunRecord {
  return runRecordSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

describe('fleet-scan merge', () => {
  it('makes one run of every shard: one record, a workbook, and the exit code of the whole fleet', async () => {
    const shards = [1, 2, 3].map((k) => writeShard('whole', k));
    const out = path.join(dir, 'out-whole');
    const run = await runCli(['merge', ...shards, '-o', out, '--no-history', '--junit', path.join(out, 'junit.xml')]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/^fleet-scan mars 1\.0\.0 · run night-1 · 9 hosts/);
    const record = readRecord(path.join(out, 'fleet-scan-night-1.json'));
    expect(record.hosts.map((h) => h.name)).toEqual(inventory.hosts.map((h) => h.name));
    expect(record.merged!.shards.map((s) => s.state)).toEqual(['merged', 'merged', 'merged']);
    expect(existsSync(path.join(out, 'fleet-scan-night-1.xlsx'))).toBe(true);
    expect(readFileSync(path.join(out, 'junit.xml'), 'utf8')).toContain('classname="fs01"');
  });

  it('says which shard is missing on the first line of its output and of the reports, marks its hosts not-run, and exits with bit 4', async () => {
    // The shard left out is one without fs01, whose failure still counts: 1 + 4.
    const gone = [1, 2, 3].find((k) => k !== shardOf('fs01', 3))!;
    const shards = [1, 2, 3].filter((k) => k !== gone).map((k) => writeShard('missing', k));
    const out = path.join(dir, 'out-missing');
    const html = path.join(out, 'run.html');
    const run = await runCli(['merge', ...shards, '-o', out, '--no-history', '--html', html]);
    expect(run.code, run.stderr).toBe(5);
    expect(run.stdout.split('\n')[0]).toBe(`incomplete: shard ${gone}/3 missing`);
    const record = readRecord(path.join(out, 'fleet-scan-night-1.json'));
    const lost = shardHosts(inventory.hosts, { index: gone, count: 3 }).map((h) => h.name);
    expect(lost.length).toBeGreaterThan(0);
    expect(record.hosts.filter((h) => h.status === 'not-run').map((h) => h.name)).toEqual(lost);
    expect(readFileSync(html, 'utf8')).toMatch(new RegExp(`<p id="verdict"[^>]*>incomplete: shard ${gone}/3 missing\\. `));
    // The record reads back as any run does.
    const again = await runCli(['report', path.join(out, 'fleet-scan-night-1.json'), '--junit', path.join(out, 'again.xml')]);
    expect(again.code, again.stderr).toBe(0);
  });

  it('records the merged run in the history, so the next merge of the same inventory says what changed', async () => {
    const history = path.join(dir, 'history.sqlite');
    const first = await runCli(['merge', ...[1, 2, 3].map((k) => writeShard('h1', k)), '-o', path.join(dir, 'out-h1'), '--history', history, '--no-xlsx']);
    expect(first.code, first.stderr).toBe(1);
    const second = [1, 2, 3].map((k) => writeShard('h2', k, { runId: 'night-2', startedAt: '2026-11-26T02:00:00.000Z', finishedAt: '2026-11-26T02:10:00.000Z' }));
    const run = await runCli(['merge', ...second, '-o', path.join(dir, 'out-h2'), '--history', history, '--no-xlsx', '--fail-on', 'new']);
    expect(run.code, run.stderr).toBe(0);
    const record = readRecord(path.join(dir, 'out-h2', 'fleet-scan-night-2.json'));
    expect(record.changes?.previousRunId).toBe('night-1');
    expect(record.trend?.map((t) => t.runId)).toEqual(['night-1', 'night-2']);
  });

  it.each<[string, () => string[], RegExp]>([
    ['records of two runs', () => [writeShard('two-runs', 1), writeShard('two-runs', 2, { runId: 'night-9' })], /^fleet-scan: \S+two-runs-2\.json and \S+two-runs-1\.json: run night-9 and run night-1: merge the shards of one run$/],
    ['records of two pack versions', () => [writeShard('two-packs', 1), writeShard('two-packs', 2, { pack: { name: 'mars', version: '0.9.0' } })], /^fleet-scan: \S+two-packs-2\.json and \S+two-packs-1\.json: pack mars 0\.9\.0 and pack mars 1\.0\.0: merge the shards of one run$/],
    ['a pack version this fleet-scan does not have', () => [writeShard('old-pack', 1, { pack: { name: 'mars', version: '0.9.0' } })], /^fleet-scan: merge: the shards ran pack mars 0\.9\.0, this fleet-scan has 1\.0\.0: merge with the version that scanned$/],
    ['a record that is not a shard\'s', () => {
      const plain = path.join(dir, 'plain.json');
      writeFileSync(plain, JSON.stringify(runRecord({ hosts: [] })));
      return [writeShard('plain', 1), plain];
    }, /^fleet-scan: \S+plain\.json: is not a shard's record/],
    ['a file that is no run record', () => {
      const junk = path.join(dir, 'junk.json');
      writeFileSync(junk, '{"hello":1}');
      return [junk];
    }, /^fleet-scan: \S+junk\.json: not a fleet-scan run record: /],
  ])('refuses %s with one line and exit 2', async (_what, files, line) => {
    const run = await runCli(['merge', ...files(), '-o', path.join(dir, 'out-refused'), '--no-history']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(line)]);
    expect(expectNoStack(run.stderr)).toBe(true);
  });

  it('refuses to merge against an inventory that changed since the shards split it', async () => {
    const shards = [1, 2, 3].map((k) => writeShard('changed', k));
    const changed = path.join(dir, 'changed.json');
    writeFileSync(changed, JSON.stringify({ name: 'merge-tests', defaults: { cloud: 'public' }, hosts: [...inventory.hosts.map((h) => ({ name: h.name, vars: h.vars })), { name: 'fs10' }] }));
    const run = await runCli(['merge', ...shards, '-i', changed, '-o', path.join(dir, 'out-changed'), '--no-history']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr.trim()).toBe(`fleet-scan: ${changed}: is not the inventory the shards split (its hosts, sites, clouds, tags or vars changed since)`);
  });
});
