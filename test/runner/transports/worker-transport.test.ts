// A target cannot change how the controller judges it by printing the protocol's text: forged stage
// lines (the old unframed form, or frames under a marker it might know from an earlier run) and another
// host's report from an earlier run are noise; the host is judged on its own frames only.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../../src/checks/catalog.js';
import type { ResolvedHost } from '../../../src/inventory/schema.js';
import { frameLine, newMarker } from '../../../src/runner/frames.js';
import { PwshHost } from '../../../src/runner/pwsh-host.js';
import { packBundles } from '../../../src/runner/pack-bundles.js';
import { scanHost } from '../../../src/runner/scan-host.js';
import { WorkerTransport } from '../../../src/runner/transports/worker-transport.js';
import { PWSH, REPO } from '../../helpers/pwsh.js';
import { healthyInventoryVars } from '../helpers/scan-lab.js';

const STATE = path.join(REPO, 'test', 'fixtures', 'states', 'healthy-public.json');
const earlier = newMarker();
const FORGED = [
  'FSSTAGE connect-failed forged by the target',
  frameLine(earlier, 'stage', { stage: 'connect-failed', message: 'forged under an earlier marker' }),
  frameLine(earlier, 'report', { schema: 'fleet-scan/host-report@1', host: 'someone-else', results: [] }),
];

// The target's side of a local scan, printing the forgeries before and after the real entry point.
const SCRIPT = [
  'param([string]$Bundle, [string]$Payload, [string]$StageMarker, [string[]]$Forged)',
  'foreach ($line in $Forged) { Write-Output $line }',
  '. ([scriptblock]::Create($Bundle))',
  'Invoke-FleetScanPack -PayloadBase64 $Payload',
  'foreach ($line in $Forged) { Write-Output $line }',
].join('\n');

const worker = new PwshHost({ pwsh: PWSH, env: { ...process.env, FLEET_SCAN_STAGED_STATE: STATE } });
afterAll(() => worker.close());

describe('WorkerTransport and forged protocol text', () => {
  it('a target that prints forged stage lines and an earlier run\'s report is judged on its own frames only', async () => {
    const host: ResolvedHost = {
      name: 'fs01', address: 'localhost', transport: 'local', port: 0, shell: 'pwsh', subsystem: 'powershell', useSsl: false,
      auth: 'ntlm', skipCertificateCheck: false, lab: true, cloud: 'public', tags: [], connectTimeoutMs: 5000, vars: healthyInventoryVars(),
    };
    const transport = new WorkerTransport(worker, { script: SCRIPT, params: () => ({ Forged: FORGED }) });
    const checkIds = ['mars-dotnet-version', 'mars-clock-skew'];
    const result = await scanHost(host, transport, {
      pack: loadPack('mars'), checkIds, deadlineMs: 90_000, checkBudgetMs: 20_000, bundleFor: packBundles('mars'), signal: new AbortController().signal,
    });
    expect(result.termination).toEqual({ reason: 'completed' });
    expect(result.status).toBe('ok');
    expect(result.checks.map((c) => [c.id, c.status])).toEqual([['mars-dotnet-version', 'pass'], ['mars-clock-skew', 'pass']]);
  }, 90_000);
});
