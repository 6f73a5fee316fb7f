// Reports are replaced whole or not at all: write beside the target, then rename over it.
import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { privateWriteStream } from '../record/private-files.js';

/** A hidden temporary path in the same directory as `file` (same filesystem, so rename is atomic). */
export function tempPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Writes the chunks to `file` atomically, honouring back-pressure; the file is the user's alone (0600). */
export async function writeChunksAtomic(file: string, chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>): Promise<void> {
  const temp = tempPathFor(file);
  try {
    await pipeline(Readable.from(chunks), privateWriteStream(temp));
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
