import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type { HostResult, RunRecord } from '../record/run-record.js';
import { fileErrorText } from '../record/file-error.js';
import { oneLine } from '../record/one-line.js';
import { appendPrivateFileSync, makePrivateDirSync } from '../record/private-files.js';
import { UNSEEN_HOST_STATUSES } from '../policy/exit-code.js';
import { visibleText } from './visible-text.js';

const MAX_REASON = 500;

/** The run log of an unattended scan: one JSON line per event, written as it happens. */
export interface RunLog {
  readonly file: string;
  /** The first write error, after which the log stops writing (the scan itself goes on). */
  readonly error: string | undefined;
  start(run: { runId: string; pack: string; inventoryKey: string; hostCount: number }): void;
  host(result: HostResult): void;
  end(record: RunRecord, exitCode?: number): void;
}

export type OpenRunLogResult = { ok: true; log: RunLog } | { ok: false; message: string };

/**
 * Opens (appending) a JSON-lines run log, creating its folder. Each line is appended and flushed on
 * its own, so a scan killed half-way leaves every finished host in the log. Only host results are
 * written here, never the environment or credentials.
 */
export function openRunLog(file: string, clock: () => Date = () => new Date()): OpenRunLogResult {
  try {
    makePrivateDirSync(path.dirname(path.resolve(file)));
  } catch (error) {
    return { ok: false, message: `log ${file}: cannot create its folder: ${fileErrorText(error)}` };
  }
  try {
    appendPrivateFileSync(file, '');
  } catch (error) {
    return { ok: false, message: `log ${file}: cannot write: ${fileErrorText(error)}` };
  }

  let error: string | undefined;
  const write = (event: Record<string, unknown>) => {
    if (error !== undefined) return;
    try {
      appendFileSync(file, `${JSON.stringify({ ts: clock().toISOString(), ...event })}\n`);
    } catch (cause) {
      error = `log ${file}: cannot write: ${fileErrorText(cause)}`;
    }
  };

  const log: RunLog = {
    file,
    get error() {
      return error;
    },
    start({ runId, pack, inventoryKey, hostCount }) {
      write({ event: 'run-start', runId, pack, inventoryKey, hostCount });
    },
    host(result) {
      write({
        event: 'host',
        host: result.name,
        status: result.status,
        // JSON escapes C0 controls by itself, but not C1 or bidi overrides, which a terminal showing the log obeys.
        ...(result.reason !== undefined && { reason: visibleText(oneLine(result.reason, MAX_REASON)) }),
        failed: idsWith(result, 'fail'),
        warned: idsWith(result, 'warn'),
        ms: result.durationMs ?? null,
      });
    },
    end(record, exitCode) {
      write({
        event: 'run-end',
        runId: record.runId,
        interrupted: record.interrupted,
        durationMs: record.durationMs,
        hosts: record.hosts.length,
        failHosts: record.hosts.filter((h) => h.checks.some((c) => c.status === 'fail')).length,
        unreachableHosts: record.hosts.filter((h) => UNSEEN_HOST_STATUSES.has(h.status)).length,
        ...(record.changes && { changes: record.changes.changes.length }),
        ...(exitCode !== undefined && { exitCode }),
      });
    },
  };
  return { ok: true, log };
}

function idsWith(result: HostResult, status: 'fail' | 'warn'): string[] {
  return result.checks.filter((c) => c.status === status).map((c) => c.id);
}
