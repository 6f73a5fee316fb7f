// Text a user reads in a table cell, a log line or an error: one line, never a stack.

/** Every run of whitespace (line breaks included) as one space, trimmed; cut at `max` characters with `…`. */
export function oneLine(text: string, max = Number.POSITIVE_INFINITY): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** How long a host's reason may be: what a table cell, a JUnit message and a log line can hold. */
export const REASON_MAX = 300;

/** A reason in one line of at most REASON_MAX characters (ssh's or Windows' words, a crash's first line). */
export function reasonLine(text: string): string {
  return oneLine(text, REASON_MAX);
}

/** The first line of what was thrown: an error's message, or the value as text. */
export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split(/\r?\n/, 1)[0] ?? '';
}
