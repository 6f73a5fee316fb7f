// Copies a zip file entry by entry, in its order, passing the entries a fix is given for through it.
// Entries stream from the source to the target, so a large workbook is never held in memory.
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { privateWriteStream } from '../../record/private-files.js';

/** For an entry name, a fresh transform to rewrite that entry with, or undefined to copy it as it is. */
export type EntryFixes = (name: string) => (() => Transform) | undefined;

export async function rewriteZip(source: string, target: string, fixes: EntryFixes): Promise<void> {
  // Entries are opened only when the writer reaches them, after the listing: the file must stay open till then.
  const zip = await yauzl.openPromise(source, { autoClose: false });
  try {
    const entries: yauzl.Entry[] = [];
    for await (const entry of zip.eachEntry()) entries.push(entry);
    const out = new yazl.ZipFile();
    // Any error ends the output stream, so the pipeline below rejects with it and closes the target. yazl
    // reports its own errors but not those of the streams it reads, so those are caught here.
    const fail = (error: Error) => (out.outputStream as Readable).destroy(error);
    out.on('error', fail);
    const written = pipeline(out.outputStream, privateWriteStream(target));
    for (const entry of entries) {
      const mtime = entry.getLastModDate();
      if (entry.fileName.endsWith('/')) {
        out.addEmptyDirectory(entry.fileName, { mtime });
        continue;
      }
      const fix = fixes(entry.fileName);
      out.addReadStreamLazy(entry.fileName, { mtime }, (callback) => {
        zip.openReadStream(entry, (error, stream) => {
          if (error) return callback(error, undefined as unknown as Readable);
          stream.on('error', fail);
          if (!fix) return callback(null, stream);
          const fixed = fix();
          pipeline(stream, fixed).catch(fail);
          callback(null, fixed);
        });
      });
    }
    out.end();
    await written;
  } finally {
    zip.close();
  }
}
