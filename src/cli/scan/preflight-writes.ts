import { closeSync, openSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileErrorText } from '../../record/file-error.js';
import { UsageError } from '../usage-error.js';

/** What a folder must take before the scan starts: the journal's first lines, a lock, a page of SQLite. */
const PROBE_BYTES = 64 * 1024;

export interface WriteTargets {
  /** The reports' folder (and the journal's). */
  outDir: string;
  /** The history database, unless the run keeps none. */
  historyFile?: string;
}

/**
 * Before the first host is touched: can the scan write where it will have to? Each folder (or, while it does
 * not exist yet, the folder it will be made in) takes a small file that is removed at once, so a full disk,
 * a read-only one or a file in the way is a one-line usage error naming the folder, not a scan whose
 * journal, reports or history fail at its end. Nothing is created here: the writers make their folders.
 */
export function preflightWrites(targets: WriteTargets): void {
  const problems: string[] = [];
  const out = folderProblem(targets.outDir);
  if (out) problems.push(`out-dir ${targets.outDir}: cannot ${out.verb}: ${out.why}`);
  if (targets.historyFile !== undefined) {
    const history = folderProblem(path.dirname(targets.historyFile));
    if (history) problems.push(`history ${targets.historyFile}: cannot ${history.verb === 'create' ? 'create its folder' : 'write'}: ${history.why}`);
  }
  if (problems.length > 0) throw new UsageError(problems);
}

interface Problem {
  /** `create` when the folder is missing and cannot be made; `write` when files cannot go in. */
  verb: 'create' | 'write';
  why: string;
}

function folderProblem(folder: string): Problem | undefined {
  const existing = nearestExisting(path.resolve(folder));
  const missing = existing.path !== path.resolve(folder);
  if (!existing.isDirectory) return { verb: 'create', why: 'a file is in the way' };
  const failed = probe(existing.path);
  if (!failed) return undefined;
  // A full disk stops the files, not the folder (a tmpfs makes an empty folder on a full disk).
  return { verb: missing && failed.code !== 'ENOSPC' ? 'create' : 'write', why: fileErrorText(failed) };
}

/** `folder` if it exists, else its nearest ancestor that does. */
function nearestExisting(folder: string): { path: string; isDirectory: boolean } {
  for (let at = folder; ; at = path.dirname(at)) {
    try {
      return { path: at, isDirectory: statSync(at).isDirectory() };
    } catch {
      if (path.dirname(at) === at) return { path: at, isDirectory: false };
    }
  }
}

/** Writes and removes a probe file in `folder`; the error if it could not. */
function probe(folder: string): NodeJS.ErrnoException | undefined {
  const file = path.join(folder, `.fleet-scan-write-check-${process.pid}`);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'wx', 0o600);
    // A disk with less room takes part of the write and refuses the rest.
    const bytes = Buffer.alloc(PROBE_BYTES);
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
    return undefined;
  } catch (error) {
    return error as NodeJS.ErrnoException;
  } finally {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(file);
    } catch {
      // never made
    }
  }
}
