import { statSync } from 'node:fs';
import path from 'node:path';
import { checkDuration } from '../inventory/duration.js';
import { UsageError } from './usage-error.js';

/** A duration flag (`90s`, `2m`, `500ms`, or seconds) in milliseconds, or a usage error naming the flag (zero is no duration). */
export function durationFlag(flag: string, value: string | number): number {
  const parsed = checkDuration(value);
  if (!parsed.ok) throw new UsageError(`--${flag}: ${parsed.error}`);
  return parsed.ms;
}

/**
 * A comma-separated list flag (`--checks a,b --checks c`) as a clean array, or null when absent. Given
 * with nothing in it (`--checks "$EMPTY"`) it is a usage error naming `flag`, never "no filter at all".
 */
export function listFlag(value: string | string[] | undefined, flag: string): string[] | null {
  if (value === undefined) return null;
  const items = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError(`--${flag}: give at least one value (comma-separated), got ${JSON.stringify(String(value))}`);
  return items;
}

/** Longest name of one path component on Linux, macOS and Windows file systems. */
const NAME_MAX_BYTES = 255;

/**
 * A path flag checked before anything is written: not empty, no name in it longer than file systems
 * allow, and not a folder where a file goes (`file`) or a file where a folder goes (`folder`). Every
 * mistake is one usage line naming the flag.
 */
export function pathFlag(flag: string, value: string, kind: 'file' | 'folder'): string {
  if (value.trim() === '') throw new UsageError(`--${flag}: give a ${kind} path, got ${JSON.stringify(value)}`);
  if (value.includes('\0')) throw new UsageError(`--${flag}: a path cannot hold a NUL character`);
  const long = value.split(/[\\/]/).find((name) => Buffer.byteLength(name) > NAME_MAX_BYTES);
  if (long !== undefined) throw new UsageError(`--${flag}: a name in the path is longer than ${NAME_MAX_BYTES} bytes (${Buffer.byteLength(long)}), which no file system takes`);
  const existing = kindOf(value);
  if (kind === 'file' && existing === 'folder') throw new UsageError(`--${flag}: ${value} is a folder; give a file path`);
  if (kind === 'folder' && existing === 'file') throw new UsageError(`--${flag}: ${value} is a file; give a folder path`);
  return value;
}

function kindOf(file: string): 'file' | 'folder' | undefined {
  try {
    return statSync(path.resolve(file)).isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}
