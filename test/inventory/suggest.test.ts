import { describe, expect, it } from 'vitest';
import { closestName, unknownNameMessage } from '../../src/inventory/suggest.js';

const FIELDS = ['name', 'address', 'transport', 'port', 'user', 'hosts', 'defaults', 'knownHostsFile'];

describe('closestName', () => {
  it.each([['hsots', 'hosts'], ['adress', 'address'], ['Port', 'port'], ['knownhostfile', 'knownHostsFile'], ['defualts', 'defaults']])(
    '%s suggests %s', (typed, expected) => {
      expect(closestName(typed, FIELDS)).toBe(expected);
    });

  it('suggests nothing when no name is close', () => {
    expect(closestName('zzzzzz', FIELDS)).toBeUndefined();
    expect(unknownNameMessage('field', 'zzzzzz', FIELDS)).toBe('unknown field "zzzzzz"');
  });

  it('words the suggestion for fields and columns', () => {
    expect(unknownNameMessage('field', 'hsots', FIELDS)).toBe('unknown field "hsots" (did you mean "hosts"?)');
    expect(unknownNameMessage('column', 'usr', FIELDS)).toBe('unknown column "usr" (did you mean "user"?)');
  });
});
