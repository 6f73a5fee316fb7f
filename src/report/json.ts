// The run record as JSON: validated before it is written, written atomically, read back with a one-line error.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { hostResultSchema, RUN_RECORD_SCHEMA, runRecordSchema, type HostResult, type RunRecord } from '../record/run-record.js';
import { fileErrorText } from '../record/file-error.js';
import { errorLine } from '../record/one-line.js';
import { firstIssue } from '../record/zod-issue.js';
import { writeChunksAtomic } from './atomic-write.js';
import { recordStream, type RunStream } from './run-stream.js';

export type ReadRunJsonResult = { ok: true; record: RunRecord } | { ok: false; message: string };

// One host per line: readable, diffable, and no single 100 MB string for a 10,000-host run. The hosts are
// validated and written one at a time, so a streamed run is never whole in memory.
async function* runJsonChunks(header: Record<string, unknown>, hosts: AsyncIterable<unknown>, file: string, validated: boolean): AsyncGenerator<string> {
  const entries = Object.entries(header);
  yield '{\n';
  for (const [index, [key, value]] of entries.entries()) {
    const comma = index < entries.length - 1 ? ',' : '';
    if (key === 'hosts') {
      yield `  ${JSON.stringify(key)}: [`;
      let i = 0;
      for await (const host of hosts) {
        let checked = host;
        if (!validated) {
          const parsed = hostResultSchema.safeParse(host);
          if (!parsed.success) throw new Error(`run record not written to ${file}: hosts.${i}.${firstIssue(parsed.error)}`);
          checked = parsed.data;
        }
        yield `${i === 0 ? '\n' : ',\n'}    ${JSON.stringify(checked)}`;
        i++;
      }
      yield `${i > 0 ? '\n  ' : ''}]${comma}\n`;
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
  await writeChunksAtomic(file, runJsonChunks(parsed.data, recordStream(parsed.data).hosts(), file, true));
}

/** The same file from a stream: the header is validated first, each host as it is written; nothing is left behind on an error. */
export async function writeRunJsonStream(stream: RunStream, file: string): Promise<void> {
  const header = runRecordSchema.safeParse({ ...stream.header, hosts: [] });
  if (!header.success) throw new Error(`run record not written to ${file}: ${firstIssue(header.error)}`);
  await writeChunksAtomic(file, runJsonChunks(header.data, stream.hosts(), file, false));
}

/** Reads and validates a run record; failures come back as one line naming the file and the first bad field. */
export async function readRunJson(file: string): Promise<ReadRunJsonResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, message: `${file}: cannot read: ${fileErrorText(error)}` };
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

export type OpenRunJsonResult = { ok: true; stream: RunStream } | { ok: false; message: string };

const HEADER_LINE = /^ {2}("(?:[^"\\]|\\.)*"): (.*?),?$/;
const HOSTS_OPEN = '  "hosts": [';

/** Every line of a file, one at a time. */
async function* fileLines(file: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  try {
    yield* lines;
  } finally {
    lines.close();
  }
}

/**
 * Opens a run record written by writeRunJson (one host per line) as a stream: the header is read and
 * validated now, the hosts each time the stream is read (each validated on the first read), so a run of
 * 100,000 hosts is never whole in memory. Any other layout, or a run@1 record, is read whole instead.
 */
export async function openRunJsonStream(file: string): Promise<OpenRunJsonResult> {
  const header: Record<string, unknown> = {};
  let layout = true;
  try {
    let inHosts = false;
    for await (const line of fileLines(file)) {
      if (inHosts) {
        if (line === '  ]' || line === '  ],') inHosts = false;
        continue;
      }
      if (line === '{' || line === '}') continue;
      if (line === HOSTS_OPEN) {
        inHosts = true;
        header.hosts = [];
        continue;
      }
      const m = HEADER_LINE.exec(line);
      if (!m) {
        layout = false;
        break;
      }
      header[JSON.parse(m[1]!) as string] = JSON.parse(m[2]!);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code) return { ok: false, message: `${file}: cannot read (${(error as NodeJS.ErrnoException).code})` };
    layout = false;
  }
  if (!layout || header.schema !== RUN_RECORD_SCHEMA || !Array.isArray(header.hosts)) {
    const whole = await readRunJson(file);
    return whole.ok ? { ok: true, stream: recordStream(whole.record) } : whole;
  }
  const parsed = runRecordSchema.safeParse(header);
  if (!parsed.success) return { ok: false, message: `${file}: not a fleet-scan run record: ${firstIssue(parsed.error)}` };
  const { hosts: _none, ...rest } = parsed.data;
  let validated = false;
  return {
    ok: true,
    stream: {
      header: rest,
      async *hosts() {
        let inHosts = false;
        let i = 0;
        for await (const line of fileLines(file)) {
          if (!inHosts) {
            inHosts = line === HOSTS_OPEN;
            continue;
          }
          if (line === '  ]' || line === '  ],') break;
          const text = line.trim().replace(/,$/, '');
          if (validated) yield JSON.parse(text) as HostResult;
          else {
            const host = hostResultSchema.safeParse(JSON.parse(text));
            if (!host.success) throw new Error(`${file}: not a fleet-scan run record: hosts.${i}.${firstIssue(host.error)}`);
            yield host.data;
          }
          i++;
        }
        validated = true;
      },
    },
  };
}
