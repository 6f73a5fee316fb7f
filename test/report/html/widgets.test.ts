import { describe, expect, it } from 'vitest';
import { dataTable, distinct, filterControls, matchValue, percent, shareBar, statusLabel } from '../../../src/report/html/widgets.js';

describe('widgets', () => {
  it('draws a share bar whose filled width is the percentage', () => {
    expect(shareBar(1, 4).text).toContain('aria-label="25%"');
    expect(shareBar(1, 4, 'fail').text).toContain('<rect class="fill fail" x="0" y="0" width="25" height="10"/>');
    expect(shareBar(0, 0).text).toContain('width="0"');
  });

  it('writes a percentage, or a dash when there is no whole', () => {
    expect(percent(1, 3)).toBe('33 %');
    expect(percent(0, 0)).toBe('–');
  });

  it('labels a status with a class of its own', () => {
    expect(statusLabel('not-run').text).toBe('<span class="status s-not-run">not-run</span>');
  });

  it('frames match values so a select matches whole values only', () => {
    expect(matchValue(['prod', 'files'])).toBe('|prod|files|');
  });

  it('offers a select only for a filter with a choice to make', () => {
    const controls = filterControls('hosts', 'hosts', [
      { match: 'cloud', label: 'cloud', options: ['public'] },
      { match: 'tag', label: 'tag', options: ['a', 'b<'] },
    ]).text;
    expect(controls).not.toContain('data-match="cloud"');
    expect(controls).toContain('<option value="b&lt;">b&lt;</option>');
    expect(controls).toContain('<output data-count="hosts"></output>');
  });

  it('marks sortable headers with how they sort', () => {
    const table = dataTable('t', [{ label: 'host', sort: 'text' }, { label: 'fail', sort: 'number', numeric: true }, { label: 'note' }], []).text;
    expect(table).toContain('<th scope="col" data-sort="text"><button type="button">host</button></th>');
    expect(table).toContain('<th scope="col" class="num" data-sort="number"><button type="button">fail</button></th>');
    expect(table).toContain('<th scope="col">note</th>');
  });

  it('sorts distinct values', () => {
    expect(distinct(['b', 'a', 'b'])).toEqual(['a', 'b']);
  });
});
