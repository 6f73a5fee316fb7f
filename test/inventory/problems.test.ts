import { describe, expect, it } from 'vitest';
import { InventoryError, problemLine } from '../../src/inventory/problems.js';

describe('problem lines', () => {
  it('join file, place, field and message, leaving out empty parts', () => {
    expect(problemLine('inventory.json', 'hosts[3] (web07)', 'port', 'must be 1-65535, got 70000'))
      .toBe('inventory.json: hosts[3] (web07).port: must be 1-65535, got 70000');
    expect(problemLine('inventory.json', '', 'name', 'is required')).toBe('inventory.json: name: is required');
    expect(problemLine('inventory.json', 'hosts[3]', '', 'must be an object')).toBe('inventory.json: hosts[3]: must be an object');
    expect(problemLine('inventory.json', '', '', 'cannot read: no such file')).toBe('inventory.json: cannot read: no such file');
  });

  it('an InventoryError keeps each problem and prints without stack frames', () => {
    const error = new InventoryError(['a.json: one', 'a.json: two']);
    expect(error.problems).toEqual(['a.json: one', 'a.json: two']);
    expect(error.message).toBe('a.json: one\na.json: two');
    expect(error.stack).toBe('InventoryError: a.json: one\na.json: two');
  });
});
