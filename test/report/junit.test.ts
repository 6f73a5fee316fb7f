import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/record/run-record.js';
import { writeJunit, writeJunitStream, xmlEscape } from '../../src/report/junit.js';
import { streamOnly } from '../helpers/stream-only.js';
import { syntheticRun } from '../helpers/synthetic-run.js';

const dir = mkdtempSync(join(tmpdir(), 'fleet-scan-junit-'));

async function junitOf(record: RunRecord): Promise<string> {
  const file = join(dir, `${Math.random().toString(16).slice(2)}.xml`);
  await writeJunit(record, file);
  return readFileSync(file, 'utf8');
}

const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];

/** Checks the document is well nested (every open tag closed in order) and returns the tag names seen. */
function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([a-zA-Z-]+)([^>]*?)(\/?)>/g)) {
    const [, closing, name, , selfClosing] = m;
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) stack.push(name!);
  }
  expect(stack).toEqual([]);
  // No raw markup characters inside attribute values, no illegal control characters anywhere.
  expect(xml).not.toMatch(/="[^"]*[<&](?!amp;|lt;|gt;|quot;|apos;|#\d+;)[^"]*"/);
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
}

describe('writeJunit', () => {
  it('writes one testsuite per host and one testcase per host and check, with matching totals', async () => {
    const record = syntheticRun({ hosts: 40, checks: 12, unreachableRate: 0.1 });
    const xml = await junitOf(record);
    assertWellFormed(xml);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    const suites = [...xml.matchAll(/<testsuite [^>]*>/g)].map((m) => m[0]);
    expect(suites.map((s) => attr(s, 'name'))).toEqual(record.hosts.map((h) => h.name));
    expect((xml.match(/<testcase /g) ?? []).length).toBe(40 * 12);

    const root = /<testsuites [^>]*>/.exec(xml)![0];
    const count = (tag: string) => (xml.match(new RegExp(`<${tag}[ >/]`, 'g')) ?? []).length;
    expect(Number(attr(root, 'tests'))).toBe(480);
    expect(Number(attr(root, 'failures'))).toBe(count('failure'));
    expect(Number(attr(root, 'errors'))).toBe(count('error'));
    expect(Number(attr(root, 'skipped'))).toBe(count('skipped'));
    expect(attr(root, 'time')).toBe('252.000');
    const sum = (name: string) => suites.reduce((n, s) => n + Number(attr(s, name)), 0);
    expect(sum('failures')).toBe(count('failure'));
    expect(sum('tests')).toBe(480);
  });

  it('maps each check status to the JUnit element CI understands', async () => {
    const record = syntheticRun({ hosts: 1, checks: 6, unreachableRate: 0, timeoutRate: 0 });
    const host = record.hosts[0]!;
    host.checks = [
      { id: record.checks[0]!.id, status: 'pass', summary: 'ok', evidence: [], ms: 1500 },
      { id: record.checks[1]!.id, status: 'fail', summary: 'Expected 64-bit, but found 32-bit', evidence: ['arch: x86', 'build: 7601'] },
      { id: record.checks[2]!.id, status: 'error', summary: 'probe broke', reason: 'Access is denied.', evidence: [] },
      { id: record.checks[3]!.id, status: 'skipped', summary: 'n/a', reason: 'input vaultName missing', evidence: [] },
      { id: record.checks[4]!.id, status: 'warn', summary: '2 hotfixes missing', evidence: ['KB1', 'KB2'] },
      {
        id: record.checks[5]!.id, status: 'waived', waivedStatus: 'fail', summary: 'x', evidence: [],
        waiver: { justification: 'approved by CAB', owner: 'ops', expires: '2027-01-01' },
      },
    ];
    const xml = await junitOf(record);
    assertWellFormed(xml);
    expect(xml).toContain(`<testcase classname="${host.name}" name="mars-local-admin: Installing/registering account is a local administrator" time="1.500"/>`);
    expect(xml).toContain(
      '<failure message="Unsupported Windows version or 32-bit Windows: Expected 64-bit, but found 32-bit" type="fail">arch: x86\nbuild: 7601</failure>',
    );
    expect(xml).toContain('<error message="Access is denied." type="error"></error>');
    expect(xml).toContain('<skipped message="input vaultName missing"/>');
    expect(xml).toContain('<system-out>WARN: 2 hotfixes missing\nKB1\nKB2</system-out>');
    expect(xml).toContain('<skipped message="waived: approved by CAB"/>');
    const suite = /<testsuite [^>]*>/.exec(xml)![0];
    expect([attr(suite, 'tests'), attr(suite, 'failures'), attr(suite, 'errors'), attr(suite, 'skipped')]).toEqual(['6', '1', '1', '2']);
  });

  it('turns every check of an unreachable host into an error carrying the reason, not an empty suite', async () => {
    const record = syntheticRun({ hosts: 1, checks: 4, unreachableRate: 1 });
    const xml = await junitOf(record);
    expect((xml.match(/<error message="unreachable: ssh: connect to host port 22: Connection timed out" type="unreachable"\/>/g) ?? []).length).toBe(4);
  });

  it('keeps the finished checks of a timed-out host and marks the rest as errors', async () => {
    const record = syntheticRun({ hosts: 1, checks: 4, unreachableRate: 0, timeoutRate: 1 });
    const xml = await junitOf(record);
    expect((xml.match(/type="timeout"/g) ?? []).length).toBe(2);
  });

  it('skips checks that never ran on a host the interrupted run did not reach', async () => {
    const record = syntheticRun({ hosts: 1, checks: 2, unreachableRate: 0, timeoutRate: 0 });
    record.hosts[0]!.status = 'not-run';
    record.hosts[0]!.reason = 'run interrupted';
    record.hosts[0]!.checks = [];
    const xml = await junitOf(record);
    expect((xml.match(/<skipped message="not run: run interrupted"\/>/g) ?? []).length).toBe(2);
  });

  it('escapes markup in names and messages and shows control characters as \\uXXXX, never raw', async () => {
    const record = syntheticRun({ hosts: 1, checks: 1, unreachableRate: 0, timeoutRate: 0 });
    record.hosts[0]!.name = 'web<01>&"x"';
    record.hosts[0]!.checks = [{ id: record.checks[0]!.id, status: 'fail', summary: 'a "quoted" <b> & \u0007bell', evidence: ['</failure><x>', 'nul\u0000'] }];
    const xml = await junitOf(record);
    assertWellFormed(xml);
    expect(xml).toContain('<testsuite name="web&lt;01&gt;&amp;&quot;x&quot;"');
    expect(xml).toContain('message="Installing account not a local administrator: a &quot;quoted&quot; &lt;b&gt; &amp; \\u0007bell"');
    expect(xml).toContain('&lt;/failure&gt;&lt;x&gt;\nnul\\u0000</failure>');
  });
});

describe('xmlEscape', () => {
  it('keeps line breaks in attributes as character references', () => {
    expect(xmlEscape("a\nb\t'c'")).toBe('a&#10;b&#9;&apos;c&apos;');
  });
});

describe('writeJunitStream', () => {
  it('writes from a stream exactly what writeJunit writes from the record, reading the hosts twice', async () => {
    const record = syntheticRun({ hosts: 40 });
    const file = join(dir, 'streamed.xml');
    const stream = streamOnly(record);
    await writeJunitStream(stream, file);
    expect(readFileSync(file, 'utf8')).toBe(await junitOf(record));
    expect(stream.reads).toBe(2);
  });
});
