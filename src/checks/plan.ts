import type { CheckMetadata } from '../record/check-metadata.js';
import type { CheckOutcome } from '../record/check-result.js';
import type { Pack } from './catalog.js';

/** What the applicability rule looks at: the host's cloud and its pack vars as the inventory gives them. */
export interface PlanTarget {
  cloud: string;
  vars: Record<string, unknown>;
}

/** One check a target runs: facts checks run first and feed the others; `report: false` keeps them out of the report. */
export interface PlanItem {
  id: string;
  facts: boolean;
  report: boolean;
}

export interface HostPlan {
  /** What the target runs, in pack order (facts first at run time). */
  run: PlanItem[];
  /** Selected checks that do not apply to this host, already as outcomes. */
  skipped: CheckOutcome[];
}

/** A var as a check sees it: the inventory's value, else the pack default. */
export function resolveVar(pack: Pick<Pack, 'vars'>, target: PlanTarget, name: string): unknown {
  const value = target.vars[name];
  return value === undefined || value === null ? pack.vars[name]?.default : value;
}

/** A usable value: not null, not a blank string, not an empty list. */
export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * The one applicability rule, for host checks and fleet checks alike: why `check` does not apply to
 * `target` (its cloud, this run's phase, a required var that is not set), or undefined when it does.
 */
export function whyNotApplicable(pack: Pick<Pack, 'vars'>, check: CheckMetadata, target: PlanTarget): string | undefined {
  if (!check.clouds.includes(target.cloud as never)) {
    return `not applicable to cloud ${target.cloud} (applies to ${check.clouds.join(', ')})`;
  }
  const phase = String(resolveVar(pack, target, 'phase') ?? 'both');
  if ((phase === 'install' && check.phase === 'registration') || (phase === 'registration' && check.phase === 'install')) {
    return `${check.phase}-phase check; this run's phase is ${phase}`;
  }
  const missing = check.requires.find((name) => !isPresent(resolveVar(pack, target, name)));
  if (missing) return `requires var ${missing}, which is not set for this host`;
  return undefined;
}

export function skippedOutcome(id: string, why: string): CheckOutcome {
  return { id, status: 'skipped', summary: `Skipped: ${why}`, evidence: [], reason: why };
}

/**
 * Plans one host: the selected host checks that apply, plus the pack's facts checks (tag `facts`) that
 * the others read, run but not reported unless selected.
 */
export function planHost(pack: Pack, selected: readonly string[], target: PlanTarget): HostPlan {
  const wanted = new Set(selected);
  const run: PlanItem[] = [];
  const skipped: CheckOutcome[] = [];
  for (const check of pack.checks) {
    if (check.kind !== 'host') continue;
    const facts = check.tags.includes('facts');
    const report = wanted.has(check.id);
    if (!report && !facts) continue;
    const why = whyNotApplicable(pack, check, target);
    if (why) {
      if (report) skipped.push(skippedOutcome(check.id, why));
      continue;
    }
    run.push({ id: check.id, facts, report });
  }
  return { run, skipped };
}
