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

const BATCH_CHARS = 1 << 18;

// A writer yields a chunk per host (a few KB); written one by one, the writer spends much of its time
// waiting on each write. Joined into about 256 KB, the file is written in a few hundred writes.
async function* batched(chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>): AsyncGenerator<string | Uint8Array> {
  let parts: string[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    if (typeof chunk !== 'string' || size + chunk.length >= BATCH_CHARS) {
      if (parts.length > 0) yield parts.join('');
      parts = [];
      size = 0;
    }
    if (typeof chunk !== 'string') {
      yield chunk;
      continue;
    }
    parts.push(chunk);
    size += chunk.length;
  }
  if (parts.length > 0) yield parts.join('');
}

/** Writes the chunks to `file` atomically, honouring back-pressure; the file is the user's alone (0600). */
export async function writeChunksAtomic(file: string, chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>): Promise<void> {
  const temp = tempPathFor(file);
  try {
    await pipeline(Readable.from(batched(chunks)), privateWriteStream(temp));
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
