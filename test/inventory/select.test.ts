import { describe, expect, it } from 'vitest';
import type { ResolvedHost } from '../../src/inventory/schema.js';
import { selectHosts, unmatchedNames } from '../../src/inventory/select.js';

function host(name: string, tags: string[]): ResolvedHost {
  return {
    name, address: name, transport: 'ssh', port: 22, shell: 'powershell.exe', subsystem: 'powershell', useSsl: true, auth: 'ntlm', skipCertificateCheck: false, lab: false,
    cloud: 'public', tags, connectTimeoutMs: 15_000, vars: {},
  };
}

const HOSTS = [host('fs01', ['prod', 'files']), host('fs02', ['test', 'files']), host('web01', ['prod', 'web']), host('app01', [])];
const names = (hosts: ResolvedHost[]) => hosts.map((each) => each.name);

describe('selectHosts', () => {
  it('without filters keeps every host in order', () => {
    expect(names(selectHosts(HOSTS, {}))).toEqual(['fs01', 'fs02', 'web01', 'app01']);
  });

  it('keeps hosts that have any of the tags, ignoring case', () => {
    expect(names(selectHosts(HOSTS, { tags: ['WEB', 'test'] }))).toEqual(['fs02', 'web01']);
  });

  it('keeps hosts by name, ignoring case, with * as a wildcard', () => {
    expect(names(selectHosts(HOSTS, { names: ['FS*', 'app01'] }))).toEqual(['fs01', 'fs02', 'app01']);
    expect(names(selectHosts(HOSTS, { names: ['fs0.'] }))).toEqual([]);
  });

  it('with tags and names a host must pass both', () => {
    expect(names(selectHosts(HOSTS, { tags: ['prod'], names: ['fs*'] }))).toEqual(['fs01']);
  });

  it('reports names that match no host', () => {
    expect(unmatchedNames(HOSTS, ['fs01', 'fs99', 'db*'])).toEqual(['fs99', 'db*']);
  });
});
