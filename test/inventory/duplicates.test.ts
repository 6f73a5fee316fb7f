import { describe, expect, it } from 'vitest';
import { duplicateNameProblems } from '../../src/inventory/duplicates.js';

describe('duplicateNameProblems', () => {
  it('names every later entry whose name an earlier one has, ignoring case', () => {
    expect(duplicateNameProblems('inventory.json', [
      { ref: 'hosts[0]', name: 'fs01' }, { ref: 'hosts[1]', name: 'fs02' }, { ref: 'hosts[2]', name: 'FS01' }, { ref: 'hosts[7]', name: 'fs01' },
    ])).toEqual([
      'inventory.json: hosts[2] (FS01).name: duplicate of hosts[0]',
      'inventory.json: hosts[7] (fs01).name: duplicate of hosts[0]',
    ]);
  });

  it('finds nothing when names differ', () => {
    expect(duplicateNameProblems('x.csv', [{ ref: 'row 2', name: 'a' }, { ref: 'row 3', name: 'b' }])).toEqual([]);
  });
});
