import { describe, expect, it } from 'vitest';
import { changesSection } from '../../../src/report/html/changes-section.js';
import { syntheticRun } from '../../helpers/synthetic-run.js';

describe('changesSection', () => {
  it('says there was nothing to compare with on a first run', () => {
    expect(changesSection(syntheticRun({ hosts: 2 })).text).toContain('No earlier run of this inventory and pack to compare with.');
  });

  it('lists the changes, new failures first, with counts by kind', () => {
    const record = syntheticRun({ hosts: 30, changes: true });
    const text = changesSection(record).text;
    expect(text).toContain('Changes since run 20261124-080000-prev');
    const kinds = [...text.matchAll(/<tr data-kind="\|([a-z-]+)\|">/g)].map((m) => m[1]);
    expect(kinds[0]).toBe('new-failure');
    expect(kinds.at(-1)).toBe('fixed');
    expect(text).toMatch(/new-failure \d+ · /);
  });
});
