// Text from hosts and inventories goes into the page only through here: markup escaped, and characters a
// reader cannot see (controls, ANSI escapes, bidi overrides that reorder text) shown as visible \uXXXX.

// C0 controls except tab and line feed, DEL and C1, bidi embeddings/overrides/isolates, lone surrogates.
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const MARKUP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The \uXXXX spelling of one character, as JSON and PowerShell would write it. */
export function visibleCode(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Text safe for element content and quoted attributes; invisible characters become a marked, visible \uXXXX. */
export function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => MARKUP[c]!).replace(INVISIBLE, (c) => `<span class="ctl">${visibleCode(c)}</span>`);
}

/** Text safe inside a quoted attribute: as `html`, but the visible form carries no markup. */
export function attr(text: string): string {
  return text.replace(/[&<>"']/g, (c) => MARKUP[c]!).replace(INVISIBLE, visibleCode);
}

/** An http(s) link target, or undefined for anything else (javascript:, data:, relative paths). */
export function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A fragment identifier made from any text: letters, digits and dashes only. */
export function anchorId(prefix: string, text: string): string {
  return `${prefix}-${text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}
