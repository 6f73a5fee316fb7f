import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRunHistory } from '../../../src/history/open-run-history.js';
import { recordInHistory } from '../../../src/cli/scan/record-in-history.js';
import { syntheticRun } from '../../helpers/synthetic-run.js';
import { scratchDir } from '../helpers/scan-inputs.js';

const dir = scratchDir('record-in-history');

function history(name: string) {
  const opened = openRunHistory(path.join(dir, name));
  if (!opened.ok) throw new Error(opened.message);
  return opened.history;
}

describe('recordInHistory', () => {
  it('returns the run as it was without a history', () => {
    const record = syntheticRun({ hosts: 2, checks: 2 });
    expect(recordInHistory(undefined, record)).toEqual({ record });
  });

  it('saves the run with its comparison and trend', () => {
    const h = history('ok.sqlite');
    const { record, problem } = recordInHistory(h, syntheticRun({ hosts: 2, checks: 2 }));
    expect(problem).toBeUndefined();
    expect(record.trend).toHaveLength(1);
    expect(h.store.getRun(record.runId)?.runId).toBe(record.runId);
    h.close();
  });

  it('gives back the run untouched and one line naming the history when the history fails after the scan', () => {
    const h = history('broken.sqlite');
    // The connection closed under it stands for any failure at the end: a full disk, damaged pages.
    h.store.db.close();
    const record = syntheticRun({ hosts: 2, checks: 2 });
    const recorded = recordInHistory(h, record);
    expect(recorded.record).toBe(record);
    expect(recorded.problem).toBe(`history ${h.store.file}: this run was not saved: The database connection is not open`);
    h.close();
  });
});
