import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/checks/catalog.js';
import type { RunRecord } from '../../src/record/run-record.js';
import { renderSummary } from '../../src/report/console.js';
import { renderHtmlReport } from '../../src/report/html/write-html.js';
import { writeJunit } from '../../src/report/junit.js';
import { failurePhrase, findingSentence, VERDICT_PROBLEMS, verdictSentence } from '../../src/report/problem-sentence.js';
import { summarizeRun } from '../../src/report/summarize.js';
import { writeAndReadWorkbook } from '../helpers/workbook.js';
import { syntheticRun } from '../helpers/synthetic-run.js';

/** A fleet scanned with the real mars pack where every check fails on one host and warns on another. */
function everyCheckFails(): RunRecord {
  const checks = loadPack('mars').checks;
  const record = syntheticRun({ hosts: checks.length + 1, unreachableRate: 0, timeoutRate: 0 });
  record.checks = checks;
  record.waivers = [];
  record.hosts.forEach((host, i) => {
    host.checks = checks.map((c, j) => ({
      id: c.id,
      status: j === i ? 'fail' : j === i + 1 ? 'warn' : 'pass',
      summary: j === i ? `found the problem on ${host.name}` : 'fine',
      evidence: [],
    }));
  });
  return record;
}

const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('summaries', () => {
  it('never use a check title: console, workbook summary, HTML verdict and blockers, JUnit messages', async () => {
    const record = everyCheckFails();
    const titles = record.checks.map((c) => c.title);
    const console = renderSummary(record, { color: false, verbose: true, reportPaths: [], exitCode: 1 });

    const workbook = await writeAndReadWorkbook(record);
    const workbookVerdict = String(workbook.sheet('Summary').getCell('A2').value);
    workbook.cleanup();

    const page = renderHtmlReport(record);
    const verdict = unescape(/<p id="verdict"[^>]*>([^<]*)<\/p>/.exec(page)![1]!);
    const blockers = unescape(/<section id="blockers">[\s\S]*?<\/section>/.exec(page)![0]);

    const dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-sentence-'));
    await writeJunit(record, path.join(dir, 'junit.xml'));
    const messages = [...readFileSync(path.join(dir, 'junit.xml'), 'utf8').matchAll(/<(?:failure|error|skipped) message="([^"]*)"/g)].map((m) => unescape(m[1]!));
    rmSync(dir, { recursive: true, force: true });

    expect(messages.length).toBeGreaterThan(0);
    expect(verdict).toBe(summarizeRun(record).verdict);
    expect(workbookVerdict).toBe(verdict);
    for (const [where, text] of [['console', console], ['workbook', workbookVerdict], ['html verdict', verdict], ['html blockers', blockers], ['junit', messages.join('\n')]] as const) {
      expect(titles.filter((t) => text.includes(t)), where).toEqual([]);
    }
    expect(blockers).toContain(summarizeRun(record).checks[0]!.failure);
  });
});

describe('failurePhrase', () => {
  it("is the check's failure phrase, or names an uncatalogued check by its id", () => {
    expect(failurePhrase({ failure: 'Clock off by 5 minutes or more' }, 'mars-clock-skew')).toBe('Clock off by 5 minutes or more');
    expect(failurePhrase(undefined, 'mars-gone')).toBe('Check mars-gone failed');
  });
});

describe('findingSentence', () => {
  it("adds the host's own words to the problem, once", () => {
    expect(findingSentence('Clock off by 5 minutes or more', { summary: 'Clock off by 600 s' })).toBe('Clock off by 5 minutes or more: Clock off by 600 s');
    expect(findingSentence('Clock off', { summary: ' ' })).toBe('Clock off');
    expect(findingSentence('Clock off', { summary: 'Clock off' })).toBe('Clock off');
  });
});

describe('verdictSentence', () => {
  it(`names the ${VERDICT_PROBLEMS} problems failing most hosts with their counts`, () => {
    const record = everyCheckFails();
    const summary = summarizeRun(record);
    const sentence = verdictSentence(record, summary);
    const top = summary.checks.filter((c) => c.counts.fail > 0).slice(0, VERDICT_PROBLEMS);
    expect(sentence).toBe(
      `${summary.failingHosts} of ${record.hosts.length} servers will fail MARS installation or registration: ` +
        `${top.map((c) => `${c.failure} on 1`).join(', ')} and ${summary.failingHosts - VERDICT_PROBLEMS} more problems.`,
    );
  });

  it('of a merged run missing a shard starts with what is missing', () => {
    const record = everyCheckFails();
    record.hosts = record.hosts.slice(0, 2);
    record.merged = { shards: [{ index: 3, count: 8, state: 'missing', hosts: 40 }, { index: 1, count: 8, state: 'merged', hosts: 41 }], unsited: 0 };
    expect(verdictSentence(record, summarizeRun(record))).toMatch(/^incomplete: shard 3\/8 missing\. 2 of 2 servers will fail /);
  });

  it('joins two problems with "and"', () => {
    const record = everyCheckFails();
    record.hosts = record.hosts.slice(0, 2);
    expect(verdictSentence(record, summarizeRun(record))).toMatch(/^2 of 2 servers will fail MARS [a-z ]+: [^,]+ on 1 and [^,]+ on 1\.$/);
  });
});
