import { appendFileSync, closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { fileErrorText } from '../record/file-error.js';
import { appendPrivateFileSync, makePrivateDirSync } from '../record/private-files.js';
import { hostResultSchema, runParametersSchema, type HostResult } from '../record/run-record.js';

/** The run's facts, written first so `--resume` can finish the same run. */
const journalHeaderSchema = z.strictObject({
  type: z.literal('run'),
  runId: z.string(),
  startedAt: z.string(),
  inventoryPath: z.string(),
  pack: z.string(),
  parameters: runParametersSchema,
  hostNames: z.array(z.string()),
});
export type JournalHeader = z.infer<typeof journalHeaderSchema>;

const hostLineSchema = z.strictObject({ type: z.literal('host'), result: hostResultSchema });

/**
 * Append-only JSON lines: the header, then one line per host as it finishes, flushed each time, so a crash
 * or Ctrl-C loses nothing already collected.
 */
export class Journal {
  private failed: string | undefined;

  private constructor(readonly file: string) {}

  /** The first write that failed (a full disk): one line naming the file; hosts after it were not journaled. */
  get error(): string | undefined {
    return this.failed;
  }

  static create(file: string, header: JournalHeader): Journal {
    makePrivateDirSync(path.dirname(file));
    appendPrivateFileSync(file, `${JSON.stringify(header)}\n`, 'wx');
    return new Journal(file);
  }

  static reopen(file: string): Journal {
    // A run that died mid-write (or met a full disk) left a torn last line: the next line starts on its own.
    if (!endsWithNewline(file)) appendFileSync(file, '\n');
    return new Journal(file);
  }

  /**
   * Journals one finished host. A write that fails (the disk filled) must not cost the run the host: the
   * journal stops there and says so once in `error`; the run goes on and its reports hold every host.
   */
  append(result: HostResult): void {
    if (this.failed) return;
    try {
      appendFileSync(this.file, `${JSON.stringify({ type: 'host', result })}\n`);
    } catch (error) {
      this.failed = `journal ${this.file}: cannot write: ${fileErrorText(error)}; from ${result.name} on, finished hosts are in the reports only (--resume would scan them again)`;
    }
  }
}

export interface JournalContents {
  header: JournalHeader;
  /** Finished hosts by name; a host that ended `not-run` (interrupted) is not finished. */
  finished: Map<string, HostResult>;
}

/** Reads a journal back; a torn last line (the process died mid-write) is ignored. */
export function readJournal(file: string): JournalContents {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const first = lines.shift();
  const header = journalHeaderSchema.safeParse(first ? safeJson(first) : undefined);
  if (!header.success) throw new Error(`${file}: not a fleet-scan run journal`);
  const finished = new Map<string, HostResult>();
  for (const line of lines) {
    const entry = hostLineSchema.safeParse(safeJson(line));
    if (entry.success && entry.data.result.status !== 'not-run') finished.set(entry.data.result.name, entry.data.result);
  }
  return { header: header.data, finished };
}

function endsWithNewline(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    closeSync(fd);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function journalPathFor(outDir: string, runId: string): string {
  return path.join(outDir, `fleet-scan-${runId}.journal.jsonl`);
}
