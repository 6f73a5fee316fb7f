// The run record as JSON: validated before it is written, written atomically, read back with a one-line error.
import { readFile } from 'node:fs/promises';
import { runRecordSchema, type RunRecord } from '../record/run-record.js';
import { errorLine } from '../record/one-line.js';
import { firstIssue } from '../record/zod-issue.js';
import { writeChunksAtomic } from './atomic-write.js';

export type ReadRunJsonResult = { ok: true; record: RunRecord } | { ok: false; message: string };

// One host per line: readable, diffable, and no single 100 MB string for a 10,000-host run.
function* runJsonChunks(record: RunRecord): Generator<string> {
  const entries = Object.entries(record);
  yield '{\n';
  for (const [index, [key, value]] of entries.entries()) {
    const comma = index < entries.length - 1 ? ',' : '';
    if (key === 'hosts' && Array.isArray(value)) {
      yield `  ${JSON.stringify(key)}: [`;
      for (const [i, host] of value.entries()) yield `${i === 0 ? '\n' : ',\n'}    ${JSON.stringify(host)}`;
      yield `${value.length > 0 ? '\n  ' : ''}]${comma}\n`;
    } else {
      yield `  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}\n`;
    }
  }
  yield '}\n';
}

/** Validates `record` against the run-record schema, then writes it to `file` atomically. Throws on an invalid record. */
export async function writeRunJson(record: RunRecord, file: string): Promise<void> {
  const parsed = runRecordSchema.safeParse(record);
  if (!parsed.success) throw new Error(`run record not written to ${file}: ${firstIssue(parsed.error)}`);
  await writeChunksAtomic(file, runJsonChunks(parsed.data));
}

/** Reads and validates a run record; failures come back as one line naming the file and the first bad field. */
export async function readRunJson(file: string): Promise<ReadRunJsonResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: `${file}: cannot read (${code ?? (error as Error).message})` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `${file}: not JSON (${errorLine(error)})` };
  }
  const parsed = runRecordSchema.safeParse(data);
  if (!parsed.success) return { ok: false, message: `${file}: not a fleet-scan run record: ${firstIssue(parsed.error)}` };
  return { ok: true, record: parsed.data };
}
