// A small real file system for the disk faults: a tmpfs of a fixed size (the tests run as root, as CI does),
// filled to the last byte or remounted read-only while a scan runs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';

export interface SmallDisk {
  dir: string;
  /** Writes a filler file until the file system refuses (ENOSPC); returns its path. */
  fill(): string;
  /** Removes the filler again. */
  free(): void;
  readOnly(): void;
  unmount(): void;
}

/** Mounts a tmpfs of `size` (e.g. `256k`) on `dir`. Throws when mounting is refused (not root). */
export function mountSmallDisk(dir: string, size: string): SmallDisk {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir], { stdio: 'pipe' });
  const filler = path.join(dir, 'filler.bin');
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a');
      const block = Buffer.alloc(4096, 0x5a);
      try {
        for (;;) writeSync(fd, block);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
      return filler;
    },
    free: () => rmSync(filler, { force: true }),
    readOnly: () => void execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' }),
    unmount: () => void execFileSync('umount', ['-l', dir], { stdio: 'pipe' }),
  };
}
