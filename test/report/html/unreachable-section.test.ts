import { describe, expect, it } from 'vitest';
import { unreachableSection } from '../../../src/report/html/unreachable-section.js';
import { syntheticRun } from '../../helpers/synthetic-run.js';

describe('unreachableSection', () => {
  it('lists each host not scanned with how its scan ended and why', () => {
    const record = syntheticRun({ hosts: 2, unreachableRate: 1 });
    const text = unreachableSection(record).text;
    expect(text).toContain('Hosts not scanned (2)');
    expect(text).toContain('<td>connect-failed</td><td>ssh: connect to host port 22: Connection timed out</td><td class="num">0</td>');
  });

  it('says so when every host was scanned', () => {
    expect(unreachableSection(syntheticRun({ hosts: 2, unreachableRate: 0, timeoutRate: 0 })).text).toContain('Every host was scanned.');
  });
});
