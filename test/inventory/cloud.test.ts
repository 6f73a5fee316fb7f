import { describe, expect, it } from 'vitest';
import { canonicalCloudSpelling, inferCloudFromRegion, normaliseCloud } from '../../src/inventory/cloud.js';
import { loadInventory } from '../../src/inventory/load.js';
import { tempFolder } from './temp-files.js';

const { write } = tempFolder();

describe('cloud names', () => {
  it.each([
    ['public', 'public'], ['AzureCloud', 'public'], ['azurecloud', 'public'],
    ['china', 'china'], ['AzureChinaCloud', 'china'], ['mooncake', 'china'], ['MoonCake', 'china'],
    ['usgov', 'usgov'], ['AzureUSGovernment', 'usgov'], ['fairfax', 'usgov'], ['FAIRFAX', 'usgov'],
  ] as const)('%s means %s', (alias, cloud) => {
    expect(normaliseCloud(alias)).toBe(cloud);
  });

  it('anything else is not a cloud', () => {
    expect(normaliseCloud('usnat')).toBeUndefined();
    expect(canonicalCloudSpelling('MOONCAKE')).toBe('mooncake');
    expect(canonicalCloudSpelling('mars')).toBe('mars');
  });

  it.each([
    ['chinanorth2', 'china'], ['ChinaEast', 'china'], ['usgovvirginia', 'usgov'], ['usdodcentral', 'usgov'],
    ['westeurope', 'public'], ['eastus', 'public'],
  ] as const)('vault region %s is in the %s cloud', (region, cloud) => {
    expect(inferCloudFromRegion(region)).toBe(cloud);
  });

  it('aliases in an inventory are normalised to the short names', async () => {
    const file = write('clouds.json', {
      hosts: [{ name: 'a', cloud: 'AzureChinaCloud' }, { name: 'b', cloud: 'Fairfax' }, { name: 'c', cloud: 'azurecloud' }],
    });
    const inventory = await loadInventory(file);
    expect(inventory.hosts.map((host) => host.cloud)).toEqual(['china', 'usgov', 'public']);
    expect(inventory.warnings).toEqual([]);
  });
});
