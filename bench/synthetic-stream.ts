// A synthetic run of any size as a stream (bench/report-bench.ts): hosts are made 1,000 at a time from
// test/helpers/synthetic-run.ts, each chunk with its own seed and renamed to its place in the fleet, so
// 100,000 hosts are never in memory together and every read gives the same hosts again.
import type { HostResult, RunRecord } from '../src/record/run-record.js';
import type { RunStream } from '../src/report/run-stream.js';
import { syntheticRun } from '../test/helpers/synthetic-run.js';

const CHUNK = 1_000;

function chunk(k: number, size: number, checks: number): RunRecord {
  const run = syntheticRun({ hosts: size, checks, seed: 42 + k, changes: k === 0 });
  const renamed = new Map<string, string>();
  run.hosts.forEach((host, i) => {
    const g = k * CHUNK + i;
    // Every 50th host keeps a name that looks like a number, as in the synthetic run itself.
    const name = /^\d+$/.test(host.name) ? String(g).padStart(6, '0') : `srv-${host.cloud}-${String(g).padStart(6, '0')}`;
    renamed.set(host.name, name);
    host.name = name;
    host.address = `10.${(g >> 16) & 255}.${(g >> 8) & 255}.${g & 255}`;
    if (host.computerName) host.computerName = name.toUpperCase();
  });
  for (const w of run.waivers) w.host = renamed.get(w.host) ?? w.host;
  for (const c of run.changes?.changes ?? []) c.host = renamed.get(c.host) ?? c.host;
  return run;
}

/** `hosts` synthetic hosts with `checks` MARS checks each, as a stream that is never whole in memory. */
export function syntheticStream(hosts: number, checks = 30): RunStream {
  const { hosts: _first, ...header } = chunk(0, Math.min(CHUNK, hosts), checks);
  return {
    header: { ...header, inventory: { ...header.inventory, hostCount: hosts } },
    async *hosts(): AsyncGenerator<HostResult> {
      for (let k = 0; k * CHUNK < hosts; k++) yield* chunk(k, Math.min(CHUNK, hosts - k * CHUNK), checks).hosts;
    },
  };
}

/** The same run whole in memory, as a scan hands it to the writers today. */
export async function syntheticRecord(hosts: number, checks = 30): Promise<RunRecord> {
  const stream = syntheticStream(hosts, checks);
  const all: HostResult[] = [];
  for await (const host of stream.hosts()) all.push(host);
  return { ...stream.header, hosts: all };
}
