// The real run records of test/fixtures/runs and the staged states their lab hosts were dressed in.
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runRecordSchema, type HostResult, type RunRecord } from '../../../src/record/run-record.js';
import { REPO } from '../../helpers/pwsh.js';

export const RUNS = path.join(REPO, 'test', 'fixtures', 'runs');

export function fixtureRun(name: 'run-a' | 'run-b'): RunRecord {
  return runRecordSchema.parse(JSON.parse(readFileSync(path.join(RUNS, `${name}.json`), 'utf8')));
}

export function fixtureHost(record: RunRecord, name: string): HostResult {
  const host = record.hosts.find((h) => h.name === name);
  if (!host) throw new Error(`no host ${name} in run ${record.runId}`);
  return host;
}

const STATES: Record<string, string> = { fs21: '01-fs21-fixable.json', fs22: '02-fs22-manual.json', fs23: '03-fs23-healthy.json' };

/** A copy of a lab host's staged state in `dir`, for a plan to read and change. */
export function stagedCopy(host: string, dir: string): string {
  const file = path.join(dir, `${host}-state.json`);
  copyFileSync(path.join(RUNS, 'states', STATES[host]!), file);
  return file;
}
