import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { HostResult } from '../record/run-record.js';
import type { PwshHost } from './pwsh-host.js';
import { workerScript } from './transports/worker-scripts.js';
import { remoteCheckResultSchema, type CheckOutcome } from '../record/check-result.js';
import type { ResolvedHost } from '../inventory/schema.js';

const fleetReportSchema = z.object({
  schema: z.literal('fleet-scan/fleet-report@1'),
  results: z.array(remoteCheckResultSchema.extend({ host: z.string() })),
});

/**
 * Runs the controller-side checks (e.g. duplicate server names in one vault) in the local pwsh worker over
 * all hosts' results, and adds each host's outcome to its checks. A failure here marks those checks `error`
 * on every host; it never drops a host.
 */
export async function runFleetChecks(
  worker: PwshHost,
  bundle: { key: string; text: string },
  pack: string,
  checkIds: string[],
  hosts: ResolvedHost[],
  results: HostResult[],
): Promise<void> {
  if (checkIds.length === 0) return;
  const marker = `FS-${randomBytes(8).toString('hex')}`;
  const byName = new Map(hosts.map((h) => [h.name, h]));
  const payload = {
    marker,
    pack,
    checks: checkIds,
    hosts: results.map((r) => ({
      name: r.name,
      cloud: r.cloud,
      status: r.status,
      vars: byName.get(r.name)?.vars ?? {},
      facts: r.computerName ? { computerName: r.computerName } : {},
    })),
  };
  worker.setBlob(bundle.key, bundle.text);
  let outcomes = new Map<string, CheckOutcome[]>();
  let failure: string | undefined;
  try {
    const reply = await worker.run(workerScript('run-fleet-checks.ps1'), {
      params: { Payload: Buffer.from(JSON.stringify(payload)).toString('base64') },
      blobParams: { Bundle: bundle.key },
      timeoutMs: 120_000,
    });
    const line = reply.output.find((o) => o.startsWith(`${marker} fleet `));
    if (!line) throw new Error(reply.errors[0] ?? 'fleet checks wrote no report');
    const report = fleetReportSchema.parse(JSON.parse(Buffer.from(line.split(' ')[2] ?? '', 'base64').toString('utf8')));
    for (const r of report.results) {
      const list = outcomes.get(r.host) ?? [];
      const outcome: CheckOutcome = { id: r.id, status: r.status, summary: r.summary, evidence: r.evidence, ms: r.ms };
      if (r.reason) outcome.reason = r.reason;
      list.push(outcome);
      outcomes.set(r.host, list);
    }
  } catch (error) {
    failure = error instanceof Error ? error.message.split('\n')[0] : String(error);
    outcomes = new Map();
  }
  for (const result of results) {
    const got = new Map((outcomes.get(result.name) ?? []).map((o) => [o.id, o]));
    for (const id of checkIds) {
      result.checks.push(
        got.get(id) ?? {
          id,
          status: 'error',
          summary: failure ? `fleet check failed: ${failure}` : 'fleet check returned nothing for this host',
          evidence: [],
          reason: failure ?? 'missing from the fleet report',
        },
      );
    }
  }
}
