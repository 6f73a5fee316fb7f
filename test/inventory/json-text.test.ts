import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../src/inventory/json-text.js';

describe('parseJsonText', () => {
  it('parses what JSON.parse parses', () => {
    const text = '{ "a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"], "b": { } }';
    expect(parseJsonText(text)).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it('allows a leading UTF-8 BOM', () => {
    expect(parseJsonText('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it.each([
    ['{\n  "a": 1,\n}', 3, 1, 'trailing comma before "}"'],
    ['[1, 2,]', 1, 7, 'trailing comma before "]"'],
    ['{\n  "a": }', 2, 8, 'expected a value, got "}"'],
    ['{ "a": 1 "b": 2 }', 1, 10, 'expected "," or "}", got the string "b"'],
    ['{ a: 1 }', 1, 3, 'expected a property name in double quotes, got "a"'],
    ['{ "a" 1 }', 1, 7, 'expected ":" after "a", got "1"'],
    ['{\n  // note\n  "a": 1 }', 2, 3, 'comments are not allowed in JSON'],
    ['{ "path": "C:\\Keys" }', 1, 14, 'invalid escape in string (write a Windows path with doubled backslashes: "C:\\\\Keys")'],
    ['{ "a": "b', 1, 8, 'unterminated string'],
    ['{ "a": "line\nbreak" }', 1, 13, 'line break or control character inside a string'],
    ['{ "port": 22, "port": 23 }', 1, 15, 'duplicate key "port"'],
    ['{ "a": 1 } x', 1, 12, 'expected the end of the file, got "x"'],
    ['', 1, 1, 'expected a value, got the end of the file'],
    ['{ "a": tru }', 1, 8, 'expected a value, got "tru"'],
  ])('%j is refused at line %i column %i: %s', (text, line, column, message) => {
    expect(parseJsonText(text)).toEqual({ ok: false, line, column, message });
  });

  it('a "__proto__" key stays an own property instead of changing the prototype', () => {
    const result = parseJsonText('{ "__proto__": { "polluted": true } }');
    expect(result.ok && Object.keys(result.value as object)).toEqual(['__proto__']);
    expect(result.ok && (result.value as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
