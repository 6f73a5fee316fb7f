import { describe, expect, it } from 'vitest';
import { sortChildrenOf, sortSiblings, splitSiblings } from '../../../src/report/xlsx/xml-siblings.js';

describe('splitSiblings', () => {
  it('splits self-closing and nested elements, keeping each whole', () => {
    const xml = '<a x="1"/><b><b>in</b><c/></b> <d y=\'2\'>text</d>';
    expect(splitSiblings(xml)).toEqual([
      { name: 'a', xml: '<a x="1"/>' },
      { name: 'b', xml: '<b><b>in</b><c/></b>' },
      { name: 'd', xml: "<d y='2'>text</d>" },
    ]);
  });

  it('reads attribute values that hold > and / as part of the tag', () => {
    expect(splitSiblings('<h ref="A1" display="a/b>c"/><p/>').map((e) => e.name)).toEqual(['h', 'p']);
  });

  it('refuses text between elements and an element that is never closed', () => {
    expect(() => splitSiblings('<a/>stray<b/>')).toThrow(/unexpected text/);
    expect(() => splitSiblings('<a><b/>')).toThrow(/unclosed element/);
  });
});

describe('sortSiblings', () => {
  it('orders elements by the given sequence, keeps repeated ones in their order, and puts unknown ones last', () => {
    const xml = '<z/><c n="1"/><a/><c n="2"/><b/>';
    expect(sortSiblings(xml, ['a', 'b', 'c'])).toBe('<a/><b/><c n="1"/><c n="2"/><z/>');
  });
});

describe('sortChildrenOf', () => {
  it('sorts the children of every element of that name and leaves other elements alone', () => {
    const xml = '<fonts count="2"><font><color theme="1"/><sz val="11"/></font><font/><font><u/><b/></font></fonts>';
    expect(sortChildrenOf(xml, 'font', ['b', 'u', 'sz', 'color'])).toBe(
      '<fonts count="2"><font><sz val="11"/><color theme="1"/></font><font/><font><b/><u/></font></fonts>',
    );
  });
});
