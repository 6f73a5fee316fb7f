// Text from hosts and inventories goes into the page only through here: markup escaped, and characters a
// reader cannot see shown as visible \uXXXX (the rule is visible-text's, shared with every other sink).
import { visibleCode, visibleText } from '../visible-text.js';

const MARKUP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe for element content and quoted attributes; invisible characters become a marked, visible \uXXXX. */
export function html(text: string): string {
  return visibleText(text.replace(/[&<>"']/g, (c) => MARKUP[c]!), (c) => `<span class="ctl">${visibleCode(c)}</span>`);
}

/** Text safe inside a quoted attribute: as `html`, but the visible form carries no markup. */
export function attr(text: string): string {
  return visibleText(text.replace(/[&<>"']/g, (c) => MARKUP[c]!));
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
