import type { CheckMetadata } from '../../record/check-metadata.js';
import type { CheckOutcome } from '../../record/check-result.js';
import type { HostResult, RunRecord } from '../../record/run-record.js';
import type { FixCatalogue, ScriptedFix } from './fix-catalogue.js';

/** A finding a plan deals with: an outcome that failed or warned (waived ones are accepted risks, errors are the check's own trouble). */
export interface Finding {
  check: string;
  title: string;
  status: 'fail' | 'warn';
  summary: string;
  evidence: string[];
}

export interface ScriptedFinding extends Finding {
  fix: ScriptedFix;
}

export interface ManualFinding extends Finding {
  steps: string[];
}

export interface HostFixes {
  host: HostResult;
  /** In the run's check order. */
  scripted: ScriptedFinding[];
  manual: ManualFinding[];
}

function isFinding(outcome: CheckOutcome): outcome is CheckOutcome & { status: 'fail' | 'warn' } {
  return outcome.status === 'fail' || outcome.status === 'warn';
}

// A fix covers a finding when it was written for its status and, if it names one, for the evidence that decided it.
function covers(fix: ScriptedFix, finding: Finding): boolean {
  if (!fix.meta.statuses.includes(finding.status)) return false;
  if (fix.meta.evidence === undefined) return true;
  const pattern = new RegExp(fix.meta.evidence);
  return finding.evidence.some((line) => pattern.test(line));
}

function stepsFor(catalogue: FixCatalogue, meta: CheckMetadata | undefined, check: string): string[] {
  const steps = catalogue.steps.get(check);
  if (steps) return [...steps];
  return [meta?.remediation ?? `See the check ${check} in the report.`];
}

/**
 * What a fix plan does for one host: each finding gets the scripted fix written for it, or else the steps
 * for a person. A host with no finding gets no plan (null); so does a host that was not reached, whose
 * checks did not run.
 */
export function selectFixes(record: RunRecord, host: HostResult, catalogue: FixCatalogue): HostFixes | null {
  const metadata = new Map(record.checks.map((c) => [c.id, c]));
  const order = new Map(record.checks.map((c, i) => [c.id, i]));
  const findings = host.checks
    .filter(isFinding)
    .map((o): Finding => ({ check: o.id, title: metadata.get(o.id)?.title ?? o.id, status: o.status, summary: o.summary, evidence: [...o.evidence] }))
    .sort((a, b) => (order.get(a.check) ?? Infinity) - (order.get(b.check) ?? Infinity));
  if (findings.length === 0) return null;
  const scripted: ScriptedFinding[] = [];
  const manual: ManualFinding[] = [];
  for (const finding of findings) {
    const fix = catalogue.fixes.get(finding.check);
    if (fix && covers(fix, finding)) scripted.push({ ...finding, fix });
    else manual.push({ ...finding, steps: stepsFor(catalogue, metadata.get(finding.check), finding.check) });
  }
  return { host, scripted, manual };
}
