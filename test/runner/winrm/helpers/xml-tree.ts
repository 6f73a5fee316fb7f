import { SaxesParser } from 'saxes';

/** A namespace-resolved element, for tests that read envelopes the way a WS-Management service does. */
export interface XmlNode {
  uri: string;
  local: string;
  prefix: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** Parses a whole document; throws on any well-formedness error. Attributes are keyed `{uri}local` or `local`. */
export function xmlTree(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.uri === 'http://www.w3.org/2000/xmlns/') continue;
      attrs[a.uri ? `{${a.uri}}${a.local}` : a.local] = a.value;
    }
    const node: XmlNode = { uri: tag.uri, local: tag.local, prefix: tag.prefix, attrs, children: [], text: '' };
    (stack[stack.length - 1]?.children ?? []).push(node);
    root ??= node;
    stack.push(node);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

/** Follows a path of `{uri}local` steps from a node; throws naming the first step that is missing. */
export function at(node: XmlNode, ...path: Array<[uri: string, local: string]>): XmlNode {
  let here = node;
  for (const [uri, local] of path) {
    const next = here.children.find((c) => c.uri === uri && c.local === local);
    if (!next) throw new Error(`no {${uri}}${local} under ${here.local}`);
    here = next;
  }
  return here;
}

/** Every child with that name, in order. */
export function all(node: XmlNode, uri: string, local: string): XmlNode[] {
  return node.children.filter((c) => c.uri === uri && c.local === local);
}
