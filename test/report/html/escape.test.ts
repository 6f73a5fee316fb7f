import { describe, expect, it } from 'vitest';
import { anchorId, attr, html, safeHref } from '../../../src/report/html/escape.js';
import { visibleCode } from '../../../src/report/visible-text.js';

describe('html', () => {
  it('escapes every markup character', () => {
    expect(html(`<script>alert("x" & 'y')</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;');
  });

  it('shows an ANSI escape and other control characters as a marked, visible \\uXXXX', () => {
    expect(html('\u001b[31mred\u001b[0m')).toBe('<span class="ctl">\\u001b</span>[31mred<span class="ctl">\\u001b</span>[0m');
    expect(html('a\u0000b\u007fc\u0085d')).toBe('a<span class="ctl">\\u0000</span>b<span class="ctl">\\u007f</span>c<span class="ctl">\\u0085</span>d');
  });

  it('shows bidi overrides and lone surrogates instead of letting them reorder or break the text', () => {
    expect(html('abc\u202Etxt.exe')).toBe('abc<span class="ctl">\\u202e</span>txt.exe');
    expect(html('x\uD800y')).toBe('x<span class="ctl">\\ud800</span>y');
  });

  it('keeps tabs, line breaks and characters outside the BMP as they are', () => {
    expect(html('a\tb\nc 😀')).toBe('a\tb\nc 😀');
  });
});

describe('attr', () => {
  it('escapes quotes and shows control characters without markup, so a quoted attribute stays closed', () => {
    expect(attr('" onmouseover="x\u001b')).toBe('&quot; onmouseover=&quot;x\\u001b');
    expect(attr('\u001b')).toBe(visibleCode('\u001b'));
  });
});

describe('safeHref', () => {
  it('allows http and https links only', () => {
    expect(safeHref('https://learn.microsoft.com/azure/backup/')).toBe('https://learn.microsoft.com/azure/backup/');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,x')).toBeUndefined();
    expect(safeHref('not a url')).toBeUndefined();
  });
});

describe('anchorId', () => {
  it('makes a fragment identifier of letters, digits and dashes', () => {
    expect(anchorId('check', 'mars-clock-skew')).toBe('check-mars-clock-skew');
    expect(anchorId('host', '"><b>Web 01')).toBe('host-b-web-01');
  });
});
