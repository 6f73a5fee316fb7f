// Reports, the run journal, the run log and the history say which servers are weak and how they are
// reached: the files fleet-scan creates are for the user who ran it, not for every local account.
// One place for the modes, so every writer creates its files and folders the same way (POSIX; Windows
// ignores the mode bits and keeps its own ACLs).
import { appendFileSync, closeSync, createWriteStream, mkdirSync, openSync, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';

/** rw for the owner only. */
export const PRIVATE_FILE_MODE = 0o600;
/** rwx for the owner only. */
export const PRIVATE_DIR_MODE = 0o700;

/** Creates `dir` and any missing parents as 0700; folders that already exist keep their mode. */
export function makePrivateDirSync(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** `makePrivateDirSync`, without blocking. */
export async function makePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Appends `text` to `file`, creating it 0600 (`flag: 'wx'` also refuses a file that exists). */
export function appendPrivateFileSync(file: string, text: string, flag: 'a' | 'wx' = 'a'): void {
  appendFileSync(file, text, { mode: PRIVATE_FILE_MODE, flag });
}

/** Creates `file` empty as 0600 if it does not exist (for files a library opens itself, such as SQLite's). */
export function touchPrivateFileSync(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
}

/** A write stream to `file`, created 0600. */
export function privateWriteStream(file: string): WriteStream {
  return createWriteStream(file, { mode: PRIVATE_FILE_MODE });
}
