import { createHash } from 'node:crypto';
import type { CheckOutcome } from '../record/check-result.js';

// Healthy hosts of one fleet end most checks in the same words. After the string pool each host still
// holds its own outcome objects and evidence arrays: most of what a host's result costs the run. Hosts
// whose outcome is equal in every field share one frozen object; equal but for its timing (`ms`), they
// share the evidence array. Frozen, so a later stage that wrongly changed one in place throws rather
// than rewriting every host that shares it.

/** Outcomes the pool takes at most: past that it still shares what it holds, and adds nothing. */
const DEFAULT_LIMIT = 50_000;

export class OutcomePool {
  private readonly held = new Map<string, CheckOutcome>();

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  /** How many distinct outcomes (timing aside) the pool holds. */
  get size(): number {
    return this.held.size;
  }

  /** The held outcome equal to `outcome`, or `outcome` itself (given the held evidence if only `ms` differs). */
  share(outcome: CheckOutcome): CheckOutcome {
    const key = keyOf(outcome);
    const held = this.held.get(key);
    if (held === undefined) {
      if (this.held.size >= this.limit) return outcome;
      Object.freeze(outcome.evidence);
      this.held.set(key, Object.freeze(outcome));
      return outcome;
    }
    if (!sameButTiming(held, outcome)) return outcome; // a digest collision: keep the host's own
    if (held.ms === outcome.ms) return held;
    outcome.evidence = held.evidence; // the host's own object, held by no one else
    return outcome;
  }
}

/** A digest of every field but `ms`, so the table holds a short digest per outcome, not its text. */
function keyOf(o: CheckOutcome): string {
  const hash = createHash('sha1');
  const waiver = o.waiver ? [o.waiver.justification, o.waiver.owner, o.waiver.expires] : [];
  for (const part of [o.id, o.status, o.summary, o.reason ?? '\u0001', o.waivedStatus ?? '\u0001', ...waiver, '\u0002', ...o.evidence]) {
    hash.update(`${part.length}:`).update(part); // length-framed: no two splits of one text hash alike
  }
  return hash.digest('base64');
}

function sameButTiming(a: CheckOutcome, b: CheckOutcome): boolean {
  return (
    a.id === b.id && a.status === b.status && a.summary === b.summary && a.reason === b.reason && a.waivedStatus === b.waivedStatus &&
    a.waiver?.justification === b.waiver?.justification && a.waiver?.owner === b.waiver?.owner && a.waiver?.expires === b.waiver?.expires &&
    a.evidence.length === b.evidence.length && a.evidence.every((line, i) => line === b.evidence[i])
  );
}
