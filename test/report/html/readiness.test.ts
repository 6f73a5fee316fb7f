import { describe, expect, it } from 'vitest';
import { readinessBy } from '../../../src/report/html/readiness.js';
import { host, outcome, runRecord } from '../../history/helpers/records.js';

describe('readinessBy', () => {
  const record = runRecord({
    hosts: [
      host('a', [outcome('x', 'pass')], { cloud: 'public', tags: ['prod', 'files'] }),
      host('b', [outcome('x', 'fail')], { cloud: 'public', tags: ['prod'] }),
      host('c', [outcome('x', 'not-run')], { cloud: 'china', tags: [], status: 'unreachable' }),
      host('d', [outcome('x', 'warn')], { cloud: 'china', tags: ['files'] }),
    ],
  });

  it('counts hosts, ready, failing and unscanned hosts per cloud and per tag, worst readiness first, ties by name', () => {
    const [cloud, tag] = readinessBy(record);
    expect(cloud).toEqual({
      by: 'cloud',
      rows: [
        { group: 'china', hosts: 2, ready: 1, failing: 0, unscanned: 1 },
        { group: 'public', hosts: 2, ready: 1, failing: 1, unscanned: 0 },
      ],
    });
    expect(tag!.by).toBe('tag');
    expect(tag!.rows.map((r) => [r.group, r.hosts, r.ready])).toEqual([['(no tag)', 1, 0], ['prod', 2, 1], ['files', 2, 2]]);
  });

  it('leaves out the site grouping while no host carries a site', () => {
    expect(readinessBy(record).map((g) => g.by)).toEqual(['cloud', 'tag']);
  });

  it('groups by site once hosts carry one', () => {
    const withSite = { ...record, hosts: record.hosts.map((h, i) => ({ ...h, site: i < 2 ? 'paris' : 'lyon' })) };
    const site = readinessBy(withSite).find((g) => g.by === 'site');
    expect(site?.rows.map((r) => [r.group, r.hosts])).toEqual([['lyon', 2], ['paris', 2]]);
  });
});
