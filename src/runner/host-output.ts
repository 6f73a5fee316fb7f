import { hostReportSchema, remoteCheckResultSchema, type HostReport, type RemoteCheckResult } from '../record/check-result.js';
import { oneLine } from './ssh-reason.js';

/** What a host wrote back, read as untrusted input. */
export interface ParsedHostOutput {
  /** Check results streamed as each check finished (kept when the host is cut off). */
  checks: RemoteCheckResult[];
  report?: HostReport;
  /** Why the output cannot be trusted, if it cannot. */
  problem?: string;
  /** Stage lines from the controller-side scan scripts (`connected`, `connect-failed <why>` ...). */
  stages: string[];
  noise: string[];
}

/**
 * Reads the output strings of one host. Each framed line is `<marker> <kind> <base64 JSON>`; the marker is
 * random per run, so a target cannot forge a frame by echoing text it saw. Everything is validated: a bad
 * frame, a report for another host, or a check nobody asked for makes the whole host untrusted.
 */
export function parseHostOutput(
  items: readonly string[],
  expect: { marker: string; host: string; checkIds: ReadonlySet<string> },
): ParsedHostOutput {
  const out: ParsedHostOutput = { checks: [], stages: [], noise: [] };
  const fail = (why: string): void => {
    out.problem ??= oneLine(why);
  };
  for (const raw of items) {
    for (const line of String(raw).split(/\r?\n/)) {
      if (line.startsWith('FSSTAGE ')) {
        out.stages.push(line.slice(8));
        continue;
      }
      if (!line.startsWith(`${expect.marker} `)) {
        if (line.trim()) out.noise.push(line.slice(0, 500));
        continue;
      }
      const [, kind, data] = line.split(' ');
      let value: unknown;
      try {
        value = JSON.parse(Buffer.from(data ?? '', 'base64').toString('utf8'));
      } catch {
        fail(`malformed ${kind ?? ''} frame: not base64 JSON`);
        continue;
      }
      if (kind === 'check') {
        const parsed = remoteCheckResultSchema.safeParse(value);
        if (!parsed.success) fail(`invalid check result: ${issueText(parsed.error)}`);
        else if (!expect.checkIds.has(parsed.data.id)) fail(`returned a check nobody asked for: ${parsed.data.id}`);
        else out.checks.push(parsed.data);
      } else if (kind === 'report') {
        const parsed = hostReportSchema.safeParse(value);
        if (!parsed.success) {
          fail(`invalid report: ${issueText(parsed.error)}`);
          continue;
        }
        const report = parsed.data;
        if (report.host !== expect.host) fail(`report is for host "${oneLine(report.host, 60)}", not ${expect.host}`);
        const unknown = report.results.find((r) => !expect.checkIds.has(r.id));
        if (unknown) fail(`returned a check nobody asked for: ${unknown.id}`);
        const ids = report.results.map((r) => r.id);
        if (new Set(ids).size !== ids.length) fail('returned the same check twice');
        out.report = report;
      } else {
        fail(`unknown frame kind: ${oneLine(kind ?? '', 40)}`);
      }
    }
  }
  return out;
}

function issueText(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  const issue = error.issues[0];
  if (!issue) return 'does not match the schema';
  const where = issue.path.map(String).join('.') || '(root)';
  return `${where}: ${issue.message}`;
}
