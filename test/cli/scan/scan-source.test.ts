import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanSource } from '../../../src/cli/scan/scan-source.js';
import { UsageError } from '../../../src/cli/usage-error.js';
import { Journal, journalPathFor } from '../../../src/runner/journal.js';
import { host, outcome } from '../../history/helpers/records.js';
import { scratchDir } from '../helpers/scan-inputs.js';

const outDir = scratchDir('scan-source');
const RUN_ID = '20261125T020000Z-ab12';
const journalFile = journalPathFor(outDir, RUN_ID);
const journal = Journal.create(journalFile, {
  type: 'run',
  runId: RUN_ID,
  startedAt: '2026-11-25T02:00:00.000Z',
  inventoryPath: '/etc/fleet-scan/inventory.json',
  pack: 'mars',
  parameters: { concurrency: 4, deadlineMs: 60_000, connectTimeoutMs: 7_000, checks: null, tags: null, failOn: 'any' },
  hostNames: ['fs01', 'fs02'],
});
journal.append(host('fs01', [outcome('mars-a', 'pass')]));

describe('scanSource', () => {
  it('is the inventory and pack of the flags for a new run', () => {
    expect(scanSource({ inventory: 'servers.json', pack: 'mars' }, outDir)).toEqual({ inventoryFile: 'servers.json', packName: 'mars' });
  });

  it('asks for an inventory when there is neither -i nor --resume', () => {
    expect(() => scanSource({ pack: 'mars' }, outDir)).toThrow(new UsageError('scan: give an inventory with -i FILE (or --resume RUN)'));
  });

  it('finds the journal of --resume by file, by run id or by part of it, and scans its inventory and pack', () => {
    for (const resume of [journalFile, RUN_ID, 'ab12']) {
      const source = scanSource({ pack: 'other', resume }, outDir);
      expect(source.inventoryFile).toBe('/etc/fleet-scan/inventory.json');
      expect(source.packName).toBe('mars');
      expect(source.resumed?.file).toBe(journalFile);
      expect([...source.resumed!.journal.finished.keys()]).toEqual(['fs01']);
    }
  });

  it('refuses a --resume with no journal, or a file that is not one, in one line', () => {
    expect(() => scanSource({ pack: 'mars', resume: 'no-such-run' }, outDir)).toThrow(new UsageError(`--resume: no run journal for "no-such-run" in ${outDir}`));
    const bogus = path.join(outDir, 'bogus.jsonl');
    writeFileSync(bogus, '{"type":"something"}\n');
    expect(() => scanSource({ pack: 'mars', resume: bogus }, outDir)).toThrow(new UsageError(`--resume: ${bogus}: not a fleet-scan run journal`));
  });
});
