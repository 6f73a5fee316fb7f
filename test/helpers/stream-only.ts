// A run as a stream that is not in memory as a record: what a large run read from its file looks like to
// the writers (each read gives fresh copies of the hosts, so nothing can lean on shared objects).
import type { RunRecord } from '../../src/record/run-record.js';
import type { RunStream } from '../../src/report/run-stream.js';

export function streamOnly(record: RunRecord): RunStream & { reads: number } {
  const { hosts, ...header } = structuredClone(record);
  const stream = {
    header,
    reads: 0,
    async *hosts() {
      stream.reads++;
      for (const host of hosts) yield structuredClone(host);
    },
  };
  return stream;
}
