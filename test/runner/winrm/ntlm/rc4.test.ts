import { describe, expect, it } from 'vitest';
import { Rc4, rc4 } from '../../../../src/runner/winrm/ntlm/rc4.js';

describe('rc4', () => {
  // The classic ARCFOUR examples (key, plaintext, ciphertext).
  const CASES: Array<[string, string, string]> = [
    ['Key', 'Plaintext', 'bbf316e8d940af0ad3'],
    ['Wiki', 'pedia', '1021bf0420'],
    ['Secret', 'Attack at dawn', '45a01f645fc35b383552544b9bf5'],
  ];
  for (const [key, plain, cipher] of CASES) {
    it(`encrypts "${plain}" under key "${key}" to the published ciphertext`, () => {
      expect(rc4(Buffer.from(key), Buffer.from(plain)).toString('hex')).toBe(cipher);
    });
  }

  it('keeps its stream across calls, as one NTLM sealing handle does across messages', () => {
    const whole = rc4(Buffer.from('Secret'), Buffer.from('Attack at dawn'));
    const handle = new Rc4(Buffer.from('Secret'));
    const parts = Buffer.concat([handle.update(Buffer.from('Attack')), handle.update(Buffer.from(' at dawn'))]);
    expect(parts.equals(whole)).toBe(true);
  });

  it('decrypts what it encrypted with a fresh handle on the same key', () => {
    const key = Buffer.from('0123456789abcdef');
    const plain = Buffer.from('a SOAP body, say');
    expect(rc4(key, rc4(key, plain)).equals(plain)).toBe(true);
  });

  it('encrypts in place when the output is the input itself, as a sealed request body is written', () => {
    const data = Buffer.from('Attack at dawn');
    const out = new Rc4(Buffer.from('Secret')).update(data, data);
    expect(out).toBe(data);
    expect(data.toString('hex')).toBe('45a01f645fc35b383552544b9bf5');
  });

  it('refuses an output buffer shorter than its input', () => {
    expect(() => new Rc4(Buffer.from('Key')).update(Buffer.from('Plaintext'), Buffer.alloc(4))).toThrow(/shorter/);
  });

  it('refuses an empty key', () => {
    expect(() => new Rc4(Buffer.alloc(0))).toThrow(/empty/);
  });
});
