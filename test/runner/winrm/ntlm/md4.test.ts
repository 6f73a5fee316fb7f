import { describe, expect, it } from 'vitest';
import { md4 } from '../../../../src/runner/winrm/ntlm/md4.js';

// RFC 1320 section A.5, the MD4 test suite.
const SUITE: Array<[string, string]> = [
  ['', '31d6cfe0d16ae931b73c59d7e0c089c0'],
  ['a', 'bde52cb31de33e46245e05fbdbd6fb24'],
  ['abc', 'a448017aaf21d8525fc10ae87aa6729d'],
  ['message digest', 'd9130a8164549fe818874806e1c7014b'],
  ['abcdefghijklmnopqrstuvwxyz', 'd79e1c308aa5bbcdeea8ed63df412da9'],
  ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', '043f8582f241db351ce627e153e7f0e4'],
  ['12345678901234567890123456789012345678901234567890123456789012345678901234567890', 'e33b4ddc9c38f2199c3e7b164fcc0536'],
];

describe('md4', () => {
  for (const [input, digest] of SUITE) {
    it(`hashes ${JSON.stringify(input.length > 20 ? `${input.slice(0, 20)}…` : input)} as RFC 1320 publishes`, () => {
      expect(md4(Buffer.from(input, 'latin1')).toString('hex')).toBe(digest);
    });
  }

  // Where the padding spills into another block; RFC 1320 has no vector there, these digests are OpenSSL's.
  const BOUNDARIES: Array<[number, string]> = [
    [55, 'c889c81dd86c4d2e025778944ea02881'],
    [56, 'd5f9a9e9257077a5f08b0b92f348b0ad'],
    [63, '7ea3da77432d44c323671097d1348fc8'],
    [64, '52f5076fabd22680234a3fa9f9dc5732'],
    [119, 'e65dd227ccef97fa1d34d70189120f76'],
  ];
  for (const [length, digest] of BOUNDARIES) {
    it(`pads a ${length}-byte input as OpenSSL does`, () => {
      expect(md4(Buffer.alloc(length, 0x61)).toString('hex')).toBe(digest);
    });
  }

  it('gives the NT hash of "Password" that MS-NLMP 4.2.2.1.2 publishes', () => {
    expect(md4(Buffer.from('Password', 'utf16le')).toString('hex')).toBe('a4f49c406510bdcab6824ee7c30fd852');
  });
});
