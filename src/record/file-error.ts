// Why a file could not be read or written, in the words an admin reads: one table for every layer.
import { errorLine } from './one-line.js';

const WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a file is in the way',
  EEXIST: 'a file is in the way',
  ENOSPC: 'disk full',
  EROFS: 'read-only file system',
};

/** `permission denied` for EACCES; a code without words as itself (`EMFILE`); an error without a code as its first line. */
export function fileErrorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || code === '') return errorLine(error);
  return WORDS[code] ?? code;
}
