// Text hygiene shared by every file format: remote output may carry control characters or be huge.
import { visibleText } from './visible-text.js';

/** Longest text a spreadsheet cell may hold (Excel and LibreOffice limit). */
export const CELL_MAX_CHARS = 32_767;

// XML 1.0 forbids C0 controls except tab, LF and CR, lone surrogates, U+FFFE and U+FFFF.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters that would make an XML document (xlsx, JUnit) unreadable. */
export function stripXmlIllegal(text: string): string {
  return text.replace(XML_ILLEGAL, '');
}

/** Clean text that fits in one spreadsheet cell (invisible characters shown as \uXXXX); says so when it had to be cut. */
export function cellText(text: string, max = CELL_MAX_CHARS): string {
  const clean = stripXmlIllegal(visibleText(text));
  if (clean.length <= max) return clean;
  const note = (cut: number) => `\n[truncated: ${cut} more characters; the JSON report has the full text]`;
  // The note names how much was cut, and its length depends on that number: settle both.
  let keep = max - note(clean.length).length;
  for (let i = 0; i < 3; i++) keep = max - note(clean.length - keep).length;
  // Do not split a surrogate pair at the cut.
  if (/[\uD800-\uDBFF]/.test(clean.charAt(keep - 1))) keep--;
  return clean.slice(0, keep) + note(clean.length - keep);
}
