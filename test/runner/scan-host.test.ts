import { describe, expect, it } from 'vitest';
import type { ResolvedHost } from '../../src/inventory/schema.js';
import { buildPayload, type HostScanPlan } from '../../src/runner/scan-host.js';

const host: ResolvedHost = {
  name: 'fs01', address: '10.0.0.1', transport: 'ssh-exec', port: 22, shell: 'powershell.exe', subsystem: 'powershell',
  useSsl: true, cloud: 'usgov', tags: ['files'], connectTimeoutMs: 5000,
  // Values a hostile inventory could hold: quotes, a here-string end, a subexpression.
  vars: { vaultName: "rsv'; Remove-Item C:\\ -Recurse #", note: "'@\n$(Stop-Computer)" },
};
const plan: HostScanPlan = {
  pack: 'mars', checkIds: ['mars-a', 'mars-b'], deadlineMs: 60_000, checkBudgetMs: 20_000,
  marker: '\u001eFS-0011223344556677', bundle: { key: 'bundle:mars', text: '# bundle' }, signal: new AbortController().signal,
};

describe('buildPayload', () => {
  it('is base64 of the JSON the remote entry point reads, with every field of the protocol', () => {
    const payload = buildPayload(host, plan, new Date('2026-11-25T08:00:00.000Z'));
    expect(payload).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(JSON.parse(Buffer.from(payload, 'base64').toString('utf8'))).toEqual({
      host: 'fs01', pack: 'mars', checks: ['mars-a', 'mars-b'], cloud: 'usgov', vars: host.vars,
      controllerUtc: '2026-11-25T08:00:00.000Z', checkBudgetMs: 20_000, marker: '\u001eFS-0011223344556677',
    });
  });

  it('carries data only in its base64 alphabet, so no inventory value can become source text', () => {
    const payload = buildPayload(host, plan, new Date());
    for (const ch of ["'", '"', '$', '(', '\n', ';', ' ', '@']) expect(payload).not.toContain(ch);
  });
});
