import { describe, expect, it } from 'vitest';
import { isHostAddress } from '../../src/inventory/host-name.js';

describe('isHostAddress', () => {
  it.each(['fs01', 'fs01.contoso.local', 'fs01.contoso.local.', 'FS_01', '10.0.0.5', '::1', 'fe80::1', '2001:db8::42', 'x'.repeat(63)])(
    '%s is a host address', (value) => {
      expect(isHostAddress(value)).toBe(true);
    });

  it.each(['', '-oProxyCommand=x', 'a;rm -rf /', '$(x)', '`id`', 'fs 01', 'fs01\n', 'fs01-', 'a..b', 'x'.repeat(64), 'fs01:22',
    'user@fs01', 'fs01|nc', '[::1]', `${'a.'.repeat(127)}a`])('%j is not', (value) => {
    expect(isHostAddress(value)).toBe(false);
  });
});
