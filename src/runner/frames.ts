import { randomBytes } from 'node:crypto';

/**
 * The one framed protocol: every line the controller acts on is `<marker> <kind> <base64 of UTF-8 JSON>`.
 * Markers are random and never reused, so text a target prints cannot pass for a frame unless it knows
 * the marker of this very scan; stage frames use a marker the target is never told.
 */
export type FrameRead =
  | { type: 'frame'; kind: string; value: unknown }
  | { type: 'bad-frame'; kind: string; problem: string }
  | { type: 'text'; line: string };

/** A new marker: a record separator (never typed by accident) and 64 random bits. */
export function newMarker(): string {
  return `\u001eFS-${randomBytes(8).toString('hex')}`;
}

export function frameLine(marker: string, kind: string, value: unknown): string {
  return `${marker} ${kind} ${Buffer.from(JSON.stringify(value), 'utf8').toString('base64')}`;
}

/** Reads one line: a frame of `marker`, a frame that is broken, or plain text (noise). */
export function readFrame(line: string, marker: string): FrameRead {
  if (!line.startsWith(`${marker} `)) return { type: 'text', line };
  const rest = line.slice(marker.length + 1);
  const space = rest.indexOf(' ');
  const kind = space === -1 ? rest : rest.slice(0, space);
  const data = space === -1 ? '' : rest.slice(space + 1).trim();
  if (!/^[a-z][a-z-]{0,30}$/.test(kind)) return { type: 'bad-frame', kind: kind.slice(0, 40), problem: 'malformed frame: no kind' };
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length === 0) return { type: 'bad-frame', kind, problem: `malformed ${kind} frame: not base64 JSON` };
  try {
    return { type: 'frame', kind, value: JSON.parse(Buffer.from(data, 'base64').toString('utf8')) };
  } catch {
    return { type: 'bad-frame', kind, problem: `malformed ${kind} frame: not base64 JSON` };
  }
}

/** Splits output strings into lines (a string may hold several), dropping a trailing CR. */
export function outputLines(items: readonly string[]): string[] {
  return items.flatMap((item) => String(item).split('\n').map((l) => l.replace(/\r$/, '')));
}
