import { describe, expect, test } from 'vitest';
import { hostPassword, receiveDelayMs, shellsInUse, SLOW_RECEIVE_MS } from '../../../src/lab/fake-winrm/behaviours.js';

describe('behaviours', () => {
  test('only a wrong-password host has a password other than the lab one', () => {
    expect(hostPassword(undefined, 'p')).toBe('p');
    expect(hostPassword('slow', 'p')).toBe('p');
    expect(hostPassword('wrong-password', 'p')).not.toBe('p');
  });

  test('a quota host counts the user as already at the limit', () => {
    expect(shellsInUse(undefined, 2, 30)).toBe(2);
    expect(shellsInUse('quota', 0, 30)).toBe(30);
  });

  test('a slow host delays each Receive', () => {
    expect(receiveDelayMs(undefined)).toBe(0);
    expect(receiveDelayMs('slow')).toBe(SLOW_RECEIVE_MS);
    expect(receiveDelayMs('slow', 250)).toBe(250);
  });
});
