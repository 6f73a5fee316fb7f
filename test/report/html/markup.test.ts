import { describe, expect, it } from 'vitest';
import { h, join, Markup } from '../../../src/report/html/markup.js';

describe('h', () => {
  it('escapes every interpolated string and keeps the template as written', () => {
    expect(h`<td>${'<b>x</b>'}</td>`.text).toBe('<td>&lt;b&gt;x&lt;/b&gt;</td>');
  });

  it('escapes a value inside a quoted attribute without adding markup to it', () => {
    expect(h`<tr data-host="${'a"\u001b'}">${'\u001b'}</tr>`.text).toBe('<tr data-host="a&quot;\\u001b"><span class="ctl">\\u001b</span></tr>');
  });

  it('inserts markup made by h as it is, and renders numbers, lists and empty values', () => {
    const inner = h`<i>${'&'}</i>`;
    expect(h`${inner}|${3}|${['<', inner]}|${undefined}${null}${false}`.text).toBe('<i>&amp;</i>|3|&lt;<i>&amp;</i>|');
  });
});

describe('join', () => {
  it('joins pieces with a separator, escaping plain strings', () => {
    expect(join(['a<', new Markup('<br>')], '; ').text).toBe('a&lt;; <br>');
  });
});
