// Text from hosts reaches a reader only through here: characters a reader cannot see, or that a terminal
// obeys (ANSI escapes, a bell, a carriage return that overwrites the line, bidi overrides that reorder
// text), are shown as a visible \uXXXX, the same spelling in the console, the log and every report.

// C0 controls except tab and line feed, DEL and C1, bidi embeddings/overrides/isolates, lone surrogates.
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The \uXXXX spelling of one character, as JSON and PowerShell would write it. */
export function visibleCode(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `text` with every invisible or terminal-controlling character written as `show` spells it (\uXXXX by default). */
export function visibleText(text: string, show: (char: string) => string = visibleCode): string {
  return text.replace(INVISIBLE, show);
}
