// Shared by the fault suites: find and kill the processes of one lab host, and the three rules every fault
// test holds: the faulty host ends as it should, every other host finishes normally, and nothing already
// collected is lost.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { runRecordSchema, type HostResult, type RunRecord } from '../../../src/record/run-record.js';
import type { TerminationReason } from '../../../src/record/termination.js';
import { readJournal } from '../../../src/runner/journal.js';
import { eventually } from '../../helpers/lab-processes.js';
import { HEALTHY_SKIPPED } from '../../runner/helpers/scan-lab.js';

interface ProcessInfo {
  pid: number;
  ppid: number;
  cmd: string;
  env: string[];
}

function processes(): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const name of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (/^[ZX]/.test(fields[0] ?? '')) continue;
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      let env: string[] = [];
      try {
        env = readFileSync(`/proc/${name}/environ`, 'utf8').split('\0');
      } catch {
        // unreadable environment: judged by command line only
      }
      found.push({ pid: Number(name), ppid: Number(fields[1]), cmd, env });
    } catch {
      // gone while we looked
    }
  }
  return found;
}

/**
 * The remote shell a lab host's sshd started for a scan: a process whose command line names `program` and
 * whose environment carries that host's staged state (the lab's sshd sets it), so two hosts never mix.
 */
export function remoteShellOf(hostDir: string, program: string): ProcessInfo | undefined {
  const state = `FLEET_SCAN_STAGED_STATE=${hostDir}/state.json`;
  return processes().find((p) => p.cmd.includes(program) && !/^\S*sh -c /.test(p.cmd) && p.env.includes(state));
}

/** Waits until the host's remote shell runs, then lets it work `settleMs` (its first frames reach the controller). */
export async function waitForRemoteShell(hostDir: string, program: string, settleMs = 1500): Promise<ProcessInfo> {
  let found: ProcessInfo | undefined;
  const seen = await eventually(() => (found = remoteShellOf(hostDir, program)) !== undefined, 90_000);
  if (!seen || !found) throw new Error(`no ${program} started on ${hostDir}`);
  await new Promise((r) => setTimeout(r, settleMs));
  return found;
}

/** The sshd processes serving `shell` (its ancestors up to and including the host's listener `listenerPid`). */
export function sshdAbove(shell: ProcessInfo, listenerPid: number): number[] {
  const table = new Map(processes().map((p) => [p.pid, p]));
  const chain: number[] = [];
  for (let p = table.get(shell.ppid); p; p = table.get(p.ppid)) {
    if (/sshd/.test(p.cmd)) chain.push(p.pid);
    if (p.pid === listenerPid) break;
  }
  return chain.includes(listenerPid) ? chain : [...chain, listenerPid];
}

export function killAll(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** The progress line the CLI prints for each finished host when no terminal watches. */
const HOST_LINE = /^\[\s*\d+\/\d+\] (\S+) (ok|unreachable|timeout|error|not-run): /;

/** Hosts named on the progress lines printed so far. */
export function hostsDone(stderr: string): string[] {
  return stderr.split('\n').flatMap((l) => HOST_LINE.exec(l)?.[1] ?? []);
}

/** The one file of `dir` whose name ends with `ext` (hidden temporary files aside). */
export function onlyFile(dir: string, ext: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith(ext) && !f.startsWith('.'));
  expect(files, `${ext} files in ${dir}`).toHaveLength(1);
  return path.join(dir, files[0]!);
}

export function readRecord(file: string): RunRecord {
  return runRecordSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export function hostNamed(record: RunRecord, name: string): HostResult {
  const found = record.hosts.find((h) => h.name === name);
  if (!found) throw new Error(`no host ${name} in the run record`);
  return found;
}

/** What a faulty host must end as: its status, why its scan ended, and its one-line reason. */
export function expectFault(host: HostResult, status: HostResult['status'], reason: TerminationReason, line: RegExp): void {
  expect(host.status, `${host.name}: ${host.reason}`).toBe(status);
  expect(host.termination?.reason, host.name).toBe(reason);
  expect(host.reason, host.name).toMatch(line);
  expect(host.reason, host.name).not.toMatch(/[\r\n]/);
  expect(host.checks.filter((c) => c.status === 'pass' && c.ms === undefined), `${host.name}: a pass nobody reported`).toEqual([]);
}

/** A host the fault did not touch: ok, every selected check as its healthy state dictates. */
export function expectHealthy(host: HostResult, checkIds: string[]): void {
  expect(host.status, `${host.name}: ${host.reason}`).toBe('ok');
  expect(host.termination?.reason).toBe('completed');
  const mine = host.checks.filter((c) => checkIds.includes(c.id));
  expect(mine.map((c) => c.id)).toEqual(checkIds);
  const wrong = mine.filter((c) => (HEALTHY_SKIPPED.has(c.id) ? c.status !== 'skipped' : c.status !== 'pass'));
  expect(wrong.map((c) => `${c.id}=${c.status}: ${c.summary}`)).toEqual([]);
}

/** A fake host that answers every check with pass (test/fixtures/hosts/fake-powershell-honest.sh and kin). */
export function expectAllPass(host: HostResult, checkIds: string[]): void {
  expect(host.status, `${host.name}: ${host.reason}`).toBe('ok');
  expect(host.checks.filter((c) => checkIds.includes(c.id)).map((c) => c.status)).toEqual(checkIds.map(() => 'pass'));
}

/** The first check was reported before the fault: it is kept as reported, and every later one is not-run. */
export function expectFirstCheckKept(host: HostResult, checkIds: string[]): void {
  expect(host.checks[0], host.name).toMatchObject({ id: checkIds[0], status: 'pass', summary: 'fake result', ms: 1 });
  expect(host.checks.slice(1, checkIds.length).map((c) => c.status), host.name).toEqual(checkIds.slice(1).map(() => 'not-run'));
}

/**
 * Nothing collected is lost: the journal holds one line for every host the run finished, and that line is
 * the host's result in the record (whose fleet-side checks, added after the journal line, come last).
 */
export function expectJournalHoldsEveryHost(journalFile: string, record: RunRecord): void {
  const journal = readJournal(journalFile);
  const finished = record.hosts.filter((h) => h.status !== 'not-run');
  expect([...journal.finished.keys()].sort()).toEqual(finished.map((h) => h.name).sort());
  for (const h of finished) {
    const journaled = journal.finished.get(h.name)!;
    expect({ ...h, checks: h.checks.slice(0, journaled.checks.length) }, h.name).toEqual(journaled);
  }
}
