import { terminationFromStatus } from '../../src/record/termination.js';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal, journalPathFor, readJournal, type JournalHeader } from '../../src/runner/journal.js';
import type { HostResult } from '../../src/record/run-record.js';

const header: JournalHeader = {
  type: 'run',
  runId: '20261125T080000Z-abcd',
  startedAt: '2026-11-25T08:00:00.000Z',
  inventoryPath: '/inv/fleet.json',
  pack: 'mars',
  parameters: { concurrency: 2, deadlineMs: 60_000, connectTimeoutMs: 5_000, checks: null, tags: null, failOn: 'any' },
  hostNames: ['a', 'b', 'c'],
};

function result(name: string, status: HostResult['status']): HostResult {
  return {
    name, address: name, transport: 'ssh', cloud: 'public', tags: [], status, termination: terminationFromStatus(status),
    checks: [{ id: 'mars-x', status: status === 'ok' ? 'pass' : 'not-run', summary: 's', evidence: [] }],
  };
}

describe('Journal', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'fs-h8-journal-'));
    file = journalPathFor(path.join(dir, 'out'), header.runId);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names the journal after the run id in the output folder', () => {
    expect(file).toBe(path.join(dir, 'out', 'fleet-scan-20261125T080000Z-abcd.journal.jsonl'));
  });

  it('writes the header first and one line per finished host, and reads them back', () => {
    const journal = Journal.create(file, header);
    journal.append(result('a', 'ok'));
    journal.append(result('b', 'unreachable'));
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    const back = readJournal(file);
    expect(back.header).toEqual(header);
    expect([...back.finished.keys()]).toEqual(['a', 'b']);
    expect(back.finished.get('b')?.status).toBe('unreachable');
  });

  it('never overwrites an existing journal', () => {
    Journal.create(file, header);
    expect(() => Journal.create(file, header)).toThrow();
  });

  it('ignores a torn last line (the process died mid-write) and keeps every whole line', () => {
    const journal = Journal.create(file, header);
    journal.append(result('a', 'ok'));
    appendFileSync(file, JSON.stringify({ type: 'host', result: result('b', 'ok') }).slice(0, 40));
    const back = readJournal(file);
    expect([...back.finished.keys()]).toEqual(['a']);
  });

  it('does not count a host that ended not-run (interrupted) as finished, so a resume scans it', () => {
    const journal = Journal.create(file, header);
    journal.append(result('a', 'ok'));
    journal.append(result('c', 'not-run'));
    expect([...readJournal(file).finished.keys()]).toEqual(['a']);
  });

  it('appends to a reopened journal without writing a second header', () => {
    Journal.create(file, header).append(result('a', 'ok'));
    Journal.reopen(file).append(result('b', 'ok'));
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.type)).toEqual(['run', 'host', 'host']);
  });

  it('starts a reopened journal after a torn last line on a line of its own, so the next host is not lost with it', () => {
    Journal.create(file, header).append(result('a', 'ok'));
    appendFileSync(file, JSON.stringify({ type: 'host', result: result('b', 'ok') }).slice(0, 40));
    Journal.reopen(file).append(result('c', 'ok'));
    expect([...readJournal(file).finished.keys()]).toEqual(['a', 'c']);
  });

  it('keeps the run going when a write fails: the first failure is kept as one line naming the file, and nothing more is written', () => {
    const journal = Journal.create(file, header);
    journal.append(result('a', 'ok'));
    rmSync(path.dirname(file), { recursive: true });
    writeFileSync(path.dirname(file), 'a file where the folder was\n');
    expect(() => journal.append(result('b', 'ok'))).not.toThrow();
    journal.append(result('c', 'ok'));
    expect(journal.error).toBe(`journal ${file}: cannot write: a file is in the way; from b on, finished hosts are in the reports only (--resume would scan them again)`);
  });

  it('refuses a file that is not a run journal', () => {
    const other = path.join(dir, 'not-a-journal.jsonl');
    writeFileSync(other, '{"type":"host"}\n');
    expect(() => readJournal(other)).toThrow(/not a fleet-scan run journal/);
  });
});
