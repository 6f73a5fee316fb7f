import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '../../../src/inventory/schema.js';
import { planScan } from '../../../src/cli/scan/plan-scan.js';
import type { RunSettings } from '../../../src/cli/scan/run-settings.js';
import { journalPathFor, readJournal, Journal } from '../../../src/runner/journal.js';
import { host, outcome } from '../../history/helpers/records.js';
import { marsPack, scratchDir, threeHostInventory } from '../helpers/scan-inputs.js';

const outDir = scratchDir('plan-scan');
const pack = marsPack();
const settings: RunSettings = { checkIds: null, tags: null, deadlineMs: 90_000, concurrency: 8, failOn: 'any', connectTimeoutMs: undefined };
let inventory: Inventory;
beforeAll(async () => {
  inventory = await threeHostInventory(outDir);
});

describe('planScan', () => {
  it('gives a new run its own id and a journal beside the reports, and nothing finished yet', () => {
    const plan = planScan({ source: { inventoryFile: inventory.path, packName: 'mars' }, pack, inventory, hosts: inventory.hosts, settings, outDir, now: new Date('2026-11-25T02:00:00Z') });
    expect(plan.runId).toMatch(/^20261125T020000Z-[0-9a-f]{4}$/);
    expect(plan.journalFile).toBe(journalPathFor(outDir, plan.runId));
    expect(plan.finished).toBeUndefined();
    expect(plan.startedAt).toBeUndefined();
    expect(plan).toMatchObject({ pack, inventory, deadlineMs: 90_000, concurrency: 8, failOn: 'any', checkIds: null, tags: null });
  });

  it('takes the run id and journal it is given (a shard of a run all shards share)', () => {
    const journalFile = path.join(outDir, 'fleet-scan-night-1-shard-2of3.journal.jsonl');
    const plan = planScan({ source: { inventoryFile: inventory.path, packName: 'mars' }, pack, inventory, hosts: inventory.hosts, settings, outDir, runId: 'night-1', journalFile });
    expect(plan.runId).toBe('night-1');
    expect(plan.journalFile).toBe(journalFile);
  });

  it('records the longest connect timeout of the hosts, or the override when there is one', () => {
    const source = { inventoryFile: inventory.path, packName: 'mars' };
    expect(planScan({ source, pack, inventory, hosts: inventory.hosts, settings, outDir }).connectTimeoutMs).toBe(30_000);
    expect(planScan({ source, pack, inventory, hosts: inventory.hosts, settings: { ...settings, connectTimeoutMs: 5_000 }, outDir }).connectTimeoutMs).toBe(5_000);
  });

  it('continues a resumed run: its id, its journal, its start time and the hosts it finished', () => {
    const file = journalPathFor(outDir, 'resumed-run');
    Journal.create(file, {
      type: 'run', runId: 'resumed-run', startedAt: '2026-11-24T02:00:00.000Z', inventoryPath: inventory.path, pack: 'mars',
      parameters: { concurrency: 8, deadlineMs: 90_000, connectTimeoutMs: 30_000, checks: null, tags: null, failOn: 'any' },
      hostNames: ['fs01', 'fs02', 'web01'],
    }).append(host('fs01', [outcome('mars-clock-skew', 'pass')]));
    const journal = readJournal(file);
    const plan = planScan({ source: { inventoryFile: inventory.path, packName: 'mars', resumed: { file, journal } }, pack, inventory, hosts: inventory.hosts, settings, outDir });
    expect(plan.runId).toBe('resumed-run');
    expect(plan.journalFile).toBe(file);
    expect(plan.startedAt).toEqual(new Date('2026-11-24T02:00:00.000Z'));
    expect([...plan.finished!.keys()]).toEqual(['fs01']);
  });
});
