// The fleet checks of a merged run, in a real pwsh worker with the real MARS bundle.
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/checks/catalog.js';
import type { ResolvedHost } from '../../src/inventory/schema.js';
import type { HostResult, RunRecord } from '../../src/record/run-record.js';
import { judgeMergedFleet } from '../../src/runner/judge-merged-fleet.js';
import { hostIdentity } from '../../src/runner/scan-host.js';
import { runRecord } from '../history/helpers/records.js';

const pack = loadPack('mars');
const FLEET = ['mars-fleet-duplicate-names', 'mars-fleet-vault-capacity'];

function inventoryHost(name: string): ResolvedHost {
  return {
    name, address: name, transport: 'ssh', port: 22, shell: 'powershell.exe', subsystem: 'powershell', useSsl: true, auth: 'ntlm',
    skipCertificateCheck: false, lab: false, cloud: 'public', tags: [], connectTimeoutMs: 5000, vars: { vaultName: 'rsv-a' },
  };
}

const fleet = ['fs01', 'fs02', 'fs03'].map(inventoryHost);

function merged(hosts: HostResult[]): RunRecord {
  return { ...runRecord({ hosts }), checks: pack.checks.filter((c) => FLEET.includes(c.id) || c.id === 'mars-dotnet-version') };
}

const seen = (h: ResolvedHost, computerName: string): HostResult => ({
  ...hostIdentity(h), status: 'ok', termination: { reason: 'completed' }, computerName,
  checks: [{ id: 'mars-dotnet-version', status: 'pass', summary: '', evidence: [] }],
});
const missing = (h: ResolvedHost): HostResult => ({
  ...hostIdentity(h), status: 'not-run', termination: { reason: 'interrupted', detail: 'shard 3/3 missing: no run record' },
  checks: [{ id: 'mars-dotnet-version', status: 'not-run', summary: 'shard 3/3 missing: no run record', evidence: [] }],
});

describe('judgeMergedFleet', () => {
  it('finds two machines of one name in one vault that were scanned by different shards, and gives an unscanned host no verdict', async () => {
    const record = merged([seen(fleet[0]!, 'FS01'), seen(fleet[1]!, 'FS01'), missing(fleet[2]!)]);
    const judged = await judgeMergedFleet(record, { pack, fleet, signal: new AbortController().signal });
    const status = (i: number, id: string) => judged.hosts[i]!.checks.find((c) => c.id === id)?.status;
    expect([status(0, 'mars-fleet-duplicate-names'), status(1, 'mars-fleet-duplicate-names')]).toEqual(['fail', 'fail']);
    expect(judged.hosts[2]!.checks.map((c) => [c.id, c.status])).toEqual([['mars-dotnet-version', 'not-run'], ...FLEET.map((id) => [id, 'not-run'])]);
    // The record it was given is left as it was.
    expect(record.hosts[0]!.checks).toHaveLength(1);
  }, 90_000);

  it('returns a run without fleet checks as it is', async () => {
    const record = { ...merged([seen(fleet[0]!, 'FS01')]), checks: pack.checks.filter((c) => c.id === 'mars-dotnet-version') };
    expect(await judgeMergedFleet(record, { pack, fleet, signal: new AbortController().signal })).toBe(record);
  });
});
