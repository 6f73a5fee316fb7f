// Markup is built with one tagged template: every interpolated value is escaped for where it stands
// (element text or a quoted attribute) unless it is markup made here already. Forgetting to escape is
// then impossible rather than merely unlikely.
import { attr, html } from './escape.js';

/** Markup that is already safe: made by `h` or by a module of this folder. */
export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Value = Markup | string | number | null | undefined | false | readonly Value[];

const ATTRIBUTE_OPEN = /=\s*"[^"]*$/;

function render(value: Value, inAttribute: boolean): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map((v) => render(v, inAttribute)).join('');
  const text = String(value);
  return inAttribute ? attr(text) : html(text);
}

/** `h\`<td title="${host}">${summary}</td>\``: the values escaped, the template trusted. */
export function h(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value, ATTRIBUTE_OPEN.test(out)) + strings[i + 1]!;
  });
  return new Markup(out);
}

/** Several pieces of markup as one. */
export function join(parts: readonly Value[], separator = ''): Markup {
  return new Markup(parts.map((p) => render(p, false)).join(separator));
}
