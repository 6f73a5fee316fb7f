// Puts sibling XML elements in the order a schema's xsd:sequence demands, for the few places where
// exceljs writes them out of order. Works on generated XML (no comments, CDATA or DOCTYPE), as text.

// One tag: name, then attributes whose quoted values may hold '>' or '/'.
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/y;

/** The sibling elements of `fragment`, each as its full text; whitespace between them is dropped. */
export function splitSiblings(fragment: string): { name: string; xml: string }[] {
  const out: { name: string; xml: string }[] = [];
  let at = 0;
  while (at < fragment.length) {
    const next = fragment.indexOf('<', at);
    if (next < 0 || fragment.slice(at, next).trim() !== '') {
      if (fragment.slice(at).trim() === '') break;
      throw new Error(`unexpected text between elements: ${fragment.slice(at, at + 40)}`);
    }
    const start = next;
    let depth = 0;
    let name = '';
    let cursor = start;
    do {
      const open = fragment.indexOf('<', cursor);
      if (open < 0) throw new Error(`unclosed element <${name}>`);
      TAG.lastIndex = open;
      const tag = TAG.exec(fragment);
      if (!tag) throw new Error(`unexpected markup: ${fragment.slice(open, open + 40)}`);
      if (depth === 0) name = tag[2]!;
      if (tag[1]) depth--;
      else if (!tag[3]) depth++;
      cursor = TAG.lastIndex;
    } while (depth > 0);
    out.push({ name, xml: fragment.slice(start, cursor) });
    at = cursor;
  }
  return out;
}

/** `fragment`'s sibling elements sorted by their name's place in `order` (stable; unknown names last). */
export function sortSiblings(fragment: string, order: readonly string[]): string {
  const rank = (name: string) => {
    const i = order.indexOf(name);
    return i < 0 ? order.length : i;
  };
  return splitSiblings(fragment)
    .map((element, index) => ({ element, index, rank: rank(element.name) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((e) => e.element.xml)
    .join('');
}

/** `xml` with the children of every `<element>` (not nested in itself) sorted by `order`. */
export function sortChildrenOf(xml: string, element: string, order: readonly string[]): string {
  const pattern = new RegExp(`(<${element}(?:\\s[^>]*)?(?<!/)>)([\\s\\S]*?)(</${element}>)`, 'g');
  return xml.replace(pattern, (_, open: string, children: string, close: string) => open + sortSiblings(children, order) + close);
}
