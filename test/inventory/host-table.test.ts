import { describe, expect, it } from 'vitest';
import { formatHostTable } from '../../src/inventory/host-table.js';
import { loadInventory } from '../../src/inventory/load.js';
import { tempFolder } from './temp-files.js';

const { write } = tempFolder();

describe('formatHostTable', () => {
  it('lists name, address, transport, port, user, cloud and tags in aligned columns', async () => {
    const file = write('table.json', {
      defaults: { cloud: 'public' },
      hosts: [
        { name: 'fs01', address: '10.0.0.5', transport: 'ssh-exec', user: 'svc-scan', tags: ['prod', 'files'] },
        { name: 'legacy01', transport: 'winrm', user: 'CONTOSO\\svc', cloud: 'china' },
        { name: 'me', transport: 'local' },
      ],
    });
    expect(formatHostTable(await loadInventory(file))).toBe([
      'name      address   transport  port  user         cloud   tags',
      'fs01      10.0.0.5  ssh-exec   22    svc-scan     public  prod,files',
      'legacy01  legacy01  winrm      5986  CONTOSO\\svc  china   -',
      'me        me        local      -     -            public  -',
    ].join('\n'));
  });
});
