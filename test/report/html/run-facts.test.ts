import { describe, expect, it } from 'vitest';
import { runFactsSection, waiversSection } from '../../../src/report/html/run-facts.js';
import { syntheticRun } from '../../helpers/synthetic-run.js';

describe('run facts', () => {
  it('names who ran the scan, where, and with which settings', () => {
    const text = runFactsSection(syntheticRun({ hosts: 2 })).text;
    expect(text).toContain('<th scope="row">Run by</th><td>CONTOSO\\scan-svc</td>');
    expect(text).toContain('concurrency 32 · deadline 1m 30s');
  });

  it('lists the waivers with their state, and nothing when there are none', () => {
    const record = syntheticRun({ hosts: 20 });
    expect(waiversSection(record).text).toContain('<td>expired</td><td>srv-public-old01</td>');
    expect(waiversSection({ ...record, waivers: [] }).text).toBe('');
  });
});
