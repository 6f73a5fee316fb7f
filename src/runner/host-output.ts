import { hostReportSchema, remoteCheckResultSchema, type HostReport, type RemoteCheckResult } from '../record/check-result.js';
import { oneLine, reasonLine } from '../record/one-line.js';
import { firstIssue } from '../record/zod-issue.js';
import { outputLines, readFrame } from './frames.js';

/** What a host wrote back, read as untrusted input. */
export interface ParsedHostOutput {
  /** Check results streamed as each check finished (kept when the host is cut off). */
  checks: RemoteCheckResult[];
  report?: HostReport;
  /** Why the output cannot be trusted, if it cannot. */
  problem?: string;
  /** The first lines that were not frames (kept for a diagnostic, never parsed). */
  noise: string[];
}

export interface HostOutputExpectation {
  marker: string;
  host: string;
  checkIds: ReadonlySet<string>;
}

const NOISE_KEPT = 20;

/**
 * Reads one host's output as it arrives. Only `check` and `report` frames of this scan's marker count; a
 * bad frame, a report for another host, a check nobody asked for or one reported twice makes the whole
 * host untrusted. `reached` tells a transport whether the target ever spoke the protocol.
 */
export class HostOutputReader {
  private readonly out: ParsedHostOutput = { checks: [], noise: [] };
  private framed = false;

  constructor(private readonly expect: HostOutputExpectation) {}

  /** True once a frame of this scan arrived: the target was reached and ran the entry point. */
  get reached(): boolean {
    return this.framed;
  }

  add(items: readonly string[]): void {
    for (const line of outputLines(items)) this.line(line);
  }

  result(): ParsedHostOutput {
    return this.out;
  }

  private fail(why: string): void {
    this.out.problem ??= reasonLine(why);
  }

  private line(line: string): void {
    const read = readFrame(line, this.expect.marker);
    if (read.type === 'text') {
      if (line.trim() && this.out.noise.length < NOISE_KEPT) this.out.noise.push(line.slice(0, 500));
      return;
    }
    this.framed = true;
    if (read.type === 'bad-frame') return this.fail(read.problem);
    if (read.kind === 'check') return this.check(read.value);
    if (read.kind === 'report') return this.report(read.value);
    this.fail(`unknown frame kind: ${oneLine(read.kind, 40)}`);
  }

  private check(value: unknown): void {
    const parsed = remoteCheckResultSchema.safeParse(value);
    if (!parsed.success) return this.fail(`invalid check result: ${firstIssue(parsed.error)}`);
    if (!this.expect.checkIds.has(parsed.data.id)) return this.fail(`returned a check nobody asked for: ${parsed.data.id}`);
    if (this.out.checks.some((c) => c.id === parsed.data.id)) return this.fail(`returned the same check twice: ${parsed.data.id}`);
    this.out.checks.push(parsed.data);
  }

  private report(value: unknown): void {
    if (this.out.report) return this.fail('sent a second report');
    const parsed = hostReportSchema.safeParse(value);
    if (!parsed.success) return this.fail(`invalid report: ${firstIssue(parsed.error)}`);
    const report = parsed.data;
    if (report.host !== this.expect.host) this.fail(`report is for host "${oneLine(report.host, 60)}", not ${this.expect.host}`);
    const unknown = report.results.find((r) => !this.expect.checkIds.has(r.id));
    if (unknown) this.fail(`returned a check nobody asked for: ${unknown.id}`);
    const ids = report.results.map((r) => r.id);
    if (new Set(ids).size !== ids.length) this.fail('returned the same check twice');
    this.out.report = report;
  }
}

/** Reads a whole output at once (tests, tools). */
export function parseHostOutput(items: readonly string[], expect: HostOutputExpectation): ParsedHostOutput {
  const reader = new HostOutputReader(expect);
  reader.add(items);
  return reader.result();
}
