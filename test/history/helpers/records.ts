import { terminationFromStatus } from '../../../src/record/termination.js';
import { RUN_RECORD_SCHEMA, type HostResult, type RunRecord } from '../../../src/record/run-record.js';
import type { CheckMetadata } from '../../../src/record/check-metadata.js';
import type { CheckOutcome } from '../../../src/record/check-result.js';

/** Metadata for a synthetic check id, valid against the real schema. */
export function checkMeta(id: string): CheckMetadata {
  return {
    id,
    title: `Check ${id}`,
    failure: `Synthetic problem ${id}`,
    phase: 'install',
    clouds: ['public'],
    severity: 'fail',
    kind: 'host',
    description: `Synthetic check ${id} for history tests.`,
    remediation: 'Nothing to do; this is a test record.',
    source: 'https://example.com/docs',
    tags: [],
    requires: [],
  };
}

export function outcome(id: string, status: CheckOutcome['status'], summary = '', evidence: string[] = []): CheckOutcome {
  return { id, status, summary, evidence };
}

export function host(name: string, checks: CheckOutcome[], extra: Partial<HostResult> = {}): HostResult {
  return {
    name,
    address: `${name}.lab.example`,
    transport: 'ssh',
    cloud: 'public',
    tags: [],
    status: 'ok',
    termination: terminationFromStatus(extra.status ?? 'ok', extra.reason),
    durationMs: 1200,
    checks,
    ...extra,
  };
}

/** A valid run record; `checks` defaults to every check id any host reports. */
export function runRecord(extra: Partial<RunRecord> & { hosts: HostResult[] }): RunRecord {
  const ids = [...new Set(extra.hosts.flatMap((h) => h.checks.map((c) => c.id)))];
  const startedAt = extra.startedAt ?? '2026-11-25T02:00:00.000Z';
  return {
    schema: RUN_RECORD_SCHEMA,
    runId: `run-${startedAt}`,
    tool: { name: 'fleet-scan', version: '0.1.0' },
    pack: { name: 'mars', version: '1.0.0' },
    startedAt,
    finishedAt: startedAt,
    durationMs: 60_000,
    user: 'scanner',
    controller: 'ctl01',
    inventory: { path: '/etc/fleet-scan/inventory.json', key: 'inv-a', hostCount: extra.hosts.length },
    parameters: {
      concurrency: 8,
      deadlineMs: 120_000,
      connectTimeoutMs: 10_000,
      checks: null,
      tags: null,
      failOn: 'any',
    },
    interrupted: false,
    checks: ids.map(checkMeta),
    waivers: [],
    changes: null,
    ...extra,
  };
}
