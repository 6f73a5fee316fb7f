import { describe, expect, it } from 'vitest';
import { visibleCode, visibleText } from '../../src/report/visible-text.js';

describe('visibleText', () => {
  it('shows ANSI escapes, a bell, a carriage return, C1 controls and bidi overrides as \\uXXXX', () => {
    expect(visibleText('\u001b[31mred\u0007 over\rwrite \u009b6n \u202eevil')).toBe('\\u001b[31mred\\u0007 over\\u000dwrite \\u009b6n \\u202eevil');
  });

  it('keeps tab, line feed, accents, emoji and other scripts as they are', () => {
    const text = 'a\tb\nc é 😀 日本 مرحبا';
    expect(visibleText(text)).toBe(text);
  });

  it('shows a lone surrogate, which no file format can carry, and keeps a pair', () => {
    expect(visibleText('x\uD800y 😀')).toBe('x\\ud800y 😀');
  });

  it('lets a sink choose how a character is shown', () => {
    expect(visibleText('a\u001bb', (c) => `<${visibleCode(c)}>`)).toBe('a<\\u001b>b');
  });
});
