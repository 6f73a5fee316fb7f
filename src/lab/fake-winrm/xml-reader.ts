import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';

/** One element, by namespace URI and local name; `text` is its own character data, trimmed. */
export interface XmlElement {
  ns: string;
  name: string;
  /** Attribute values by local name (WS-Management attributes are unqualified or unambiguous). */
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Parses a request body into elements. saxes knows only the five predefined entities and never reads a
 * DTD, so nothing expands; a document with a DOCTYPE is refused outright, as WinRM refuses one.
 */
export function parseXml(text: string): Parsed<XmlElement> {
  const parser = new SaxesParser({ xmlns: true });
  const stack: { el: XmlElement; text: string[] }[] = [];
  let root: XmlElement | undefined;
  let failure: string | undefined;
  parser.on('error', (e) => {
    failure ??= e.message;
  });
  parser.on('doctype', () => {
    failure ??= 'a DOCTYPE is not allowed';
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes) as SaxesAttributeNS[]) {
      if (a.prefix !== 'xmlns' && a.name !== 'xmlns') attrs[a.local] = a.value;
    }
    const el: XmlElement = { ns: tag.uri, name: tag.local, attrs, children: [], text: '' };
    stack.at(-1)?.el.children.push(el);
    stack.push({ el, text: [] });
  });
  parser.on('text', (t) => stack.at(-1)?.text.push(t));
  parser.on('cdata', (t) => stack.at(-1)?.text.push(t));
  parser.on('closetag', () => {
    const top = stack.pop();
    if (!top) return;
    top.el.text = top.text.join('').trim();
    if (stack.length === 0) root = top.el;
  });
  try {
    parser.write(text).close();
  } catch (err) {
    failure ??= (err as Error).message;
  }
  if (failure !== undefined) return { ok: false, message: failure.split('\n')[0]! };
  if (!root) return { ok: false, message: 'no root element' };
  return { ok: true, value: root };
}

/** The first child with this namespace and local name. */
export function child(el: XmlElement | undefined, ns: string, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.ns === ns && c.name === name);
}

/** Every child with this namespace and local name. */
export function childrenNamed(el: XmlElement | undefined, ns: string, name: string): XmlElement[] {
  return el?.children.filter((c) => c.ns === ns && c.name === name) ?? [];
}
