import { describe, expect, test } from 'vitest';
import { child, childrenNamed, parseXml } from '../../../src/lab/fake-winrm/xml-reader.js';

describe('parseXml', () => {
  test('elements are known by namespace URI and local name, whatever prefix the sender chose', () => {
    const r = parseXml('<env:Envelope xmlns:env="urn:s" xmlns:q="urn:w"><env:Body><q:Item q:Name="a" Other="b"> x </q:Item><q:Item>y</q:Item></env:Body></env:Envelope>');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const body = child(r.value, 'urn:s', 'Body');
    expect(childrenNamed(body, 'urn:w', 'Item').map((i) => [i.text, i.attrs])).toEqual([['x', { Name: 'a', Other: 'b' }], ['y', {}]]);
    expect(child(body, 'urn:s', 'Item')).toBeUndefined();
  });

  test('a DOCTYPE is refused, so no entity can be declared, let alone expanded', () => {
    const r = parseXml('<!DOCTYPE a [<!ENTITY x "xxxxxxxx">]><a>&x;&x;</a>');
    expect(r.ok).toBe(false);
  });

  test('an undeclared entity is an error, not text', () => {
    expect(parseXml('<a>&boom;</a>').ok).toBe(false);
  });

  test('the five predefined entities and CDATA read as their characters', () => {
    const r = parseXml('<a>&lt;&amp;&gt;<![CDATA[<raw>]]></a>');
    expect(r.ok && r.value.text).toBe('<&><raw>');
  });

  test('text that is not XML gives a one-line message', () => {
    const r = parseXml('not xml at all');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).not.toContain('\n');
  });
});
