// A run record whose hosts are read one at a time: what the report writers take so that a run of 100,000
// hosts is never all in memory at once. A record already in memory is a stream too.
import type { CheckOutcome } from '../record/check-result.js';
import type { HostResult, RunRecord } from '../record/run-record.js';

/** Everything of a run record but its hosts. */
export type RunHeader = Omit<RunRecord, 'hosts'>;

export interface RunStream {
  readonly header: RunHeader;
  /** The hosts in record order; every call starts again from the first, so a writer may read them more than once. */
  hosts(): AsyncIterable<HostResult>;
  /** The whole record, when it is in memory anyway. */
  readonly record?: RunRecord;
}

/** A record in memory as a stream. */
export function recordStream(record: RunRecord): RunStream {
  const { hosts, ...header } = record;
  return {
    header,
    record,
    async *hosts() {
      yield* hosts;
    },
  };
}

/** One shared outcome per check id and status: a digest of 100,000 hosts holds 30 × 7 of them, not 3 million. */
class OutcomeTable {
  private readonly table = new Map<string, CheckOutcome>();

  get(outcome: CheckOutcome): CheckOutcome {
    const key = `${outcome.id}\0${outcome.status}`;
    let shared = this.table.get(key);
    if (!shared) {
      shared = Object.freeze({ id: outcome.id, status: outcome.status, summary: '', evidence: Object.freeze([]) as unknown as string[] });
      this.table.set(key, shared);
    }
    return shared;
  }
}

/**
 * The record with every host whole but its outcomes reduced to check id and status (no summary, evidence,
 * reason or waiver): what the counts, the verdict, readiness, the host matrix and the lists of hosts not
 * scanned are made of. Small enough to hold for 100,000 hosts; the findings read the full hosts again.
 * A stream of a record in memory gives the record itself.
 */
export function runDigest(stream: RunStream): Promise<RunRecord> {
  if (stream.record) return Promise.resolve(stream.record);
  // Made once per stream: the writers of one run share it instead of each reading the hosts for it.
  let digest = digests.get(stream);
  if (!digest) {
    digest = makeDigest(stream);
    digests.set(stream, digest);
  }
  return digest;
}

const digests = new WeakMap<RunStream, Promise<RunRecord>>();

async function makeDigest(stream: RunStream): Promise<RunRecord> {
  const outcomes = new OutcomeTable();
  const hosts: HostResult[] = [];
  for await (const host of stream.hosts()) hosts.push({ ...host, checks: host.checks.map((c) => outcomes.get(c)) });
  return { ...stream.header, hosts };
}

/** Every host in memory: for the one writer that needs the whole run at once (the PDF's page). */
export async function wholeRun(stream: RunStream): Promise<RunRecord> {
  if (stream.record) return stream.record;
  const hosts: HostResult[] = [];
  for await (const host of stream.hosts()) hosts.push(host);
  return { ...stream.header, hosts };
}
