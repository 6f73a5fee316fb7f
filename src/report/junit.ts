// JUnit XML for CI: one <testsuite> per host, one <testcase> per check.
import type { CheckOutcome } from '../record/check-result.js';
import type { HostResult, RunRecord } from '../record/run-record.js';
import { writeChunksAtomic } from './atomic-write.js';
import { recordStream, runDigest, type RunHeader, type RunStream } from './run-stream.js';
import { failurePhrase, findingSentence } from './problem-sentence.js';
import { outcomeIndex } from './summarize.js';
import { stripXmlIllegal } from './text.js';
import { visibleText } from './visible-text.js';

const ATTRIBUTE_SPECIAL = /[&<>"'\r\n\t]/g;
const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;',
};

/** Escapes text for an XML attribute or element: invisible characters shown as \uXXXX, none that XML 1.0 cannot carry. */
export function xmlEscape(text: string): string {
  return stripXmlIllegal(visibleText(text)).replace(ATTRIBUTE_SPECIAL, (c) => ATTRIBUTE_ESCAPES[c]!);
}

// Element text keeps its line breaks; only attributes need them as character references.
function xmlText(text: string): string {
  return stripXmlIllegal(visibleText(text)).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const seconds = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(3);

type CaseKind = 'passed' | 'failure' | 'error' | 'skipped';

interface Case {
  kind: CaseKind;
  xml: string;
}

/** Hosts whose scan broke: a check that never ran there is an error, not a skip. */
const BROKEN_HOST = new Set<HostResult['status']>(['unreachable', 'timeout', 'error']);

/** How a check's outcome on a host counts in the totals: the same rule the test case's element follows. */
function caseKind(host: HostResult, outcome: CheckOutcome | undefined): CaseKind {
  switch (outcome?.status ?? 'not-run') {
    case 'pass':
    case 'warn':
      return 'passed';
    case 'fail':
      return 'failure';
    case 'error':
      return 'error';
    case 'not-run':
      return BROKEN_HOST.has(host.status) ? 'error' : 'skipped';
    default:
      return 'skipped';
  }
}

function testCase(host: HostResult, checkId: string, title: string, failure: string, outcome: CheckOutcome | undefined): Case {
  const open = `    <testcase classname="${xmlEscape(host.name)}" name="${xmlEscape(`${checkId}: ${title}`)}" time="${seconds(outcome?.ms)}"`;
  const evidence = outcome ? outcome.evidence.join('\n') : '';
  const status = outcome?.status ?? 'not-run';
  switch (status) {
    case 'pass':
      return { kind: 'passed', xml: `${open}/>\n` };
    case 'warn':
      return {
        kind: 'passed',
        xml: `${open}>\n      <system-out>${xmlText(`WARN: ${outcome!.summary}${evidence ? `\n${evidence}` : ''}`)}</system-out>\n    </testcase>\n`,
      };
    case 'fail':
      return { kind: 'failure', xml: `${open}>\n      <failure message="${xmlEscape(findingSentence(failure, outcome!))}" type="fail">${xmlText(evidence)}</failure>\n    </testcase>\n` };
    case 'error': {
      const message = outcome!.reason ?? outcome!.summary;
      return { kind: 'error', xml: `${open}>\n      <error message="${xmlEscape(message)}" type="error">${xmlText(evidence)}</error>\n    </testcase>\n` };
    }
    case 'waived':
      return { kind: 'skipped', xml: `${open}>\n      <skipped message="${xmlEscape(`waived: ${outcome!.waiver?.justification ?? ''}`)}"/>\n    </testcase>\n` };
    case 'skipped':
      return { kind: 'skipped', xml: `${open}>\n      <skipped message="${xmlEscape(outcome!.reason ?? outcome!.summary)}"/>\n    </testcase>\n` };
    case 'not-run': {
      const reason = host.reason ?? outcome?.reason ?? `host ${host.status}`;
      if (BROKEN_HOST.has(host.status)) {
        return { kind: 'error', xml: `${open}>\n      <error message="${xmlEscape(`${host.status}: ${reason}`)}" type="${host.status}"/>\n    </testcase>\n` };
      }
      return { kind: 'skipped', xml: `${open}>\n      <skipped message="${xmlEscape(`not run: ${outcome?.reason ?? reason}`)}"/>\n    </testcase>\n` };
    }
  }
}

interface Totals {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  ms: number;
}

function hostSuite(record: RunHeader, host: HostResult): string {
  const outcomes = outcomeIndex(host);
  const totals = hostTotals(record, host);
  const cases: string[] = [];
  for (const check of record.checks) cases.push(testCase(host, check.id, check.title, failurePhrase(check, check.id), outcomes.get(check.id)).xml);
  const attrs =
    `name="${xmlEscape(host.name)}" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" ` +
    `skipped="${totals.skipped}" time="${seconds(host.durationMs)}"` +
    (host.startedAt ? ` timestamp="${xmlEscape(host.startedAt)}"` : '') +
    ` hostname="${xmlEscape(host.address)}"`;
  return `  <testsuite ${attrs}>\n${cases.join('')}  </testsuite>\n`;
}

/** A host's counts, from its outcomes' statuses alone (so a digest of the run gives the same totals). */
function hostTotals(record: RunHeader, host: HostResult): Totals {
  const outcomes = outcomeIndex(host);
  const totals: Totals = { tests: 0, failures: 0, errors: 0, skipped: 0, ms: host.durationMs ?? 0 };
  for (const check of record.checks) {
    const kind = caseKind(host, outcomes.get(check.id));
    totals.tests++;
    if (kind === 'failure') totals.failures++;
    if (kind === 'error') totals.errors++;
    if (kind === 'skipped') totals.skipped++;
  }
  return totals;
}

// Totals go on the root element, before the suites: one pass over the digest counts them, a second over
// the hosts writes each suite as it is made, so no suite is held.
async function* junitChunks(stream: RunStream): AsyncGenerator<string> {
  const record = stream.header;
  const sum: Totals = { tests: 0, failures: 0, errors: 0, skipped: 0, ms: record.durationMs };
  for (const host of (await runDigest(stream)).hosts) {
    const totals = hostTotals(record, host);
    sum.tests += totals.tests;
    sum.failures += totals.failures;
    sum.errors += totals.errors;
    sum.skipped += totals.skipped;
  }
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield (
    `<testsuites name="${xmlEscape(`${record.tool.name} ${record.pack.name} ${record.runId}`)}" tests="${sum.tests}" ` +
    `failures="${sum.failures}" errors="${sum.errors}" skipped="${sum.skipped}" time="${seconds(sum.ms)}" ` +
    `timestamp="${xmlEscape(record.startedAt)}">\n`
  );
  for await (const host of stream.hosts()) yield hostSuite(record, host);
  yield '</testsuites>\n';
}

/** Writes the JUnit XML report to `file` atomically. */
export async function writeJunit(record: RunRecord, file: string): Promise<void> {
  await writeJunitStream(recordStream(record), file);
}

/** The same report from a stream of hosts (read twice: totals, then suites). */
export async function writeJunitStream(stream: RunStream, file: string): Promise<void> {
  await writeChunksAtomic(file, junitChunks(stream));
}
