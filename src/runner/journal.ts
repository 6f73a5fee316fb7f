import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { appendPrivateFileSync, makePrivateDirSync } from '../record/private-files.js';
import { hostResultSchema, runParametersSchema, type HostResult } from '../record/run-record.js';

/** The run's facts, written first so `--resume` can finish the same run. */
export const journalHeaderSchema = z.strictObject({
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
  private constructor(readonly file: string) {}

  static create(file: string, header: JournalHeader): Journal {
    makePrivateDirSync(path.dirname(file));
    appendPrivateFileSync(file, `${JSON.stringify(header)}\n`, 'wx');
    return new Journal(file);
  }

  static reopen(file: string): Journal {
    return new Journal(file);
  }

  append(result: HostResult): void {
    appendFileSync(this.file, `${JSON.stringify({ type: 'host', result })}\n`);
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
