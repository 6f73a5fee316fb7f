// Shard records made one run record: every host of the fleet in inventory order, from the shard that
// scanned it, or `not-run` naming the shard that is missing. Fleet-side checks and waivers are left for
// the whole fleet (judgeMergedFleet, applyWaivers): a shard judged only its own slice.
import { hostname } from 'node:os';
import type { ResolvedHost } from '../inventory/schema.js';
import { selectHosts } from '../inventory/select.js';
import { shardHosts, siteHosts } from '../inventory/shard.js';
import type { CheckOutcome } from '../record/check-result.js';
import { siteKey, type MergeBasis, type ShardRecord } from '../record/merge-basis.js';
import { RUN_RECORD_SCHEMA, type HostResult, type RunRecord } from '../record/run-record.js';
import { shardLabel, type ShardState } from '../record/shard.js';
import { safeUser } from './run-scan.js';
import { hostIdentity } from './scan-host.js';
import { toolVersion } from './tool-version.js';

export interface MergeInput {
  basis: MergeBasis;
  shards: ShardRecord[];
  /** Every host of the inventory the shards split, as the merge machine reads it (its vars feed the fleet checks). */
  inventoryHosts: readonly ResolvedHost[];
  /** The inventory file the merge read. */
  inventoryPath: string;
}

export type MergeResult = { ok: true; record: RunRecord; fleet: ResolvedHost[] } | { ok: false; message: string };

interface SiteGroup {
  key: string;
  site?: string;
  hosts: ResolvedHost[];
}

/**
 * The merged run record, without fleet-check outcomes and with each shard's waivers undone (the merge
 * judges and waives the whole fleet), and `fleet`: the hosts the run covers, for the fleet checks.
 * Refuses a shard record whose hosts are not the ones the split gives that shard.
 */
export function mergeShards(input: MergeInput): MergeResult {
  const { basis, shards } = input;
  const fleet = selectHosts(input.inventoryHosts, {
    ...(basis.parameters.tags && { tags: basis.parameters.tags }),
    ...(basis.hostPatterns && { names: basis.hostPatterns }),
  });
  const fleetCheckIds = new Set(basis.checks.filter((c) => c.kind === 'fleet').map((c) => c.id));
  const hostCheckIds = basis.checks.filter((c) => c.kind === 'host').map((c) => c.id);
  const bySlot = new Map(shards.map((s) => [`${siteKey(s.record.shard.site)}\u0000${s.record.shard.index}`, s]));
  const results = new Map<string, HostResult>();
  const states: ShardState[] = [];

  for (const group of basis.bySite ? siteGroups(fleet, shards) : [{ key: '', hosts: fleet }]) {
    const count = basis.counts.get(group.key) ?? 1;
    for (let index = 1; index <= count; index++) {
      const slice = { index, count, ...(group.site !== undefined && { site: group.site }) };
      const expected = shardHosts(group.hosts, slice);
      const slot = bySlot.get(`${group.key}\u0000${index}`);
      if (!slot) {
        states.push({ ...slice, state: 'missing', hosts: expected.length });
        for (const host of expected) results.set(nameKey(host), notScanned(host, hostCheckIds, `${shardLabel(slice)} missing: no run record`));
        continue;
      }
      const stray = strayHost(slot, expected);
      if (stray) return { ok: false, message: `${slot.file}: ${stray} is not a host ${shardLabel(slice)} gets from ${input.inventoryPath}: was it scanned from another inventory?` };
      states.push({ ...slice, state: slot.record.interrupted ? 'interrupted' : 'merged', hosts: expected.length, controller: slot.record.controller });
      for (const result of slot.record.hosts) results.set(result.name.toLowerCase(), forWholeFleet(result, fleetCheckIds));
    }
  }
  let unsited = 0;
  for (const host of fleet) {
    if (results.has(nameKey(host))) continue;
    // Only a run split by site leaves hosts out: those without one, which no --site selects.
    unsited++;
    results.set(nameKey(host), notScanned(host, hostCheckIds, 'no site: no shard scanned it'));
  }

  const records = shards.map((s) => s.record);
  const startedAt = earliest(records.map((r) => r.startedAt));
  const finishedAt = latest(records.map((r) => r.finishedAt));
  const record: RunRecord = {
    schema: RUN_RECORD_SCHEMA,
    runId: basis.runId,
    tool: { name: 'fleet-scan', version: toolVersion() },
    pack: basis.pack,
    startedAt,
    finishedAt,
    durationMs: Math.max(0, Date.parse(finishedAt) - Date.parse(startedAt)),
    user: safeUser(),
    controller: hostname(),
    inventory: { path: input.inventoryPath, key: basis.inventory.key, hostCount: fleet.length },
    parameters: basis.parameters,
    interrupted: false,
    checks: basis.checks,
    hosts: fleet.map((host) => results.get(nameKey(host))!),
    waivers: [],
    changes: null,
    merged: { shards: states, unsited },
  };
  return { ok: true, record, fleet };
}

const nameKey = (host: { name: string }) => host.name.toLowerCase();

/** Every site the fleet or a record names (inventory spelling first), each with its hosts. */
function siteGroups(fleet: readonly ResolvedHost[], shards: readonly ShardRecord[]): SiteGroup[] {
  const groups = new Map<string, SiteGroup>();
  const names = [...fleet.flatMap((h) => (h.site ? [h.site] : [])), ...shards.map((s) => s.record.shard.site!)];
  for (const site of names) {
    const key = siteKey(site);
    if (!groups.has(key)) groups.set(key, { key, site, hosts: siteHosts(fleet, site) });
  }
  return [...groups.values()];
}

// A host in the record that the split does not give its shard, or one the split gives it that the record lacks.
function strayHost(slot: ShardRecord, expected: readonly ResolvedHost[]): string | undefined {
  const want = new Set(expected.map(nameKey));
  const have = new Set(slot.record.hosts.map(nameKey));
  const extra = slot.record.hosts.find((h) => !want.has(nameKey(h)));
  if (extra) return extra.name;
  const lacking = expected.find((h) => !have.has(nameKey(h)));
  return lacking ? `${lacking.name} (missing from the record)` : undefined;
}

/** A shard's host as the whole fleet sees it: its own checks as they ended, no fleet verdict or waiver of the shard's. */
function forWholeFleet(result: HostResult, fleetCheckIds: ReadonlySet<string>): HostResult {
  return { ...result, checks: result.checks.filter((c) => !fleetCheckIds.has(c.id)).map(unwaived) };
}

function unwaived(outcome: CheckOutcome): CheckOutcome {
  if (outcome.status !== 'waived' || !outcome.waivedStatus) return outcome;
  const { waivedStatus, waiver: _waiver, ...rest } = outcome;
  return { ...rest, status: waivedStatus };
}

/** A host no shard scanned: every check `not-run`, saying why (never `pass`). */
function notScanned(host: ResolvedHost, checkIds: readonly string[], why: string): HostResult {
  return {
    ...hostIdentity(host),
    status: 'not-run',
    termination: { reason: 'interrupted', detail: why },
    reason: why,
    checks: checkIds.map((id) => ({ id, status: 'not-run', summary: why, evidence: [], reason: why })),
  };
}

function earliest(times: readonly string[]): string {
  return times.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
}

function latest(times: readonly string[]): string {
  return times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}
