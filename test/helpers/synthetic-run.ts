// A deterministic, realistic RunRecord for report tests and benchmarks: MARS-like check ids, titles,
// statuses, evidence and remediation, some unreachable/timeout hosts, some waivers, optional changes.
import { terminationFromStatus } from '../../src/record/termination.js';
import { RUN_RECORD_SCHEMA, type Change, type HostResult, type RunRecord, type WaiverReport } from '../../src/record/run-record.js';
import type { CheckMetadata } from '../../src/record/check-metadata.js';
import type { CheckOutcome, CheckStatus } from '../../src/record/check-result.js';

export interface SyntheticRunOptions {
  hosts?: number;
  /** How many checks of the MARS catalogue (1..30). */
  checks?: number;
  seed?: number;
  /** Add a `changes` section against a made-up previous run. */
  changes?: boolean;
  interrupted?: boolean;
  /** Share of hosts that could not be reached (0..1). */
  unreachableRate?: number;
  timeoutRate?: number;
}

const LEARN = 'https://learn.microsoft.com/azure/backup/';

// [id, title, phase, severity, fail rate, warn rate, source page]
type CatalogueRow = [string, string, CheckMetadata['phase'], CheckMetadata['severity'], number, number, string];
const CATALOGUE: CatalogueRow[] = [
  ['mars-local-admin', 'Installing/registering account is a local administrator', 'both', 'fail', 0.01, 0.01, 'install-mars-agent'],
  ['mars-os-supported', 'OS version, edition and bitness are supported', 'install', 'fail', 0.01, 0.04, 'backup-support-matrix-mars-agent'],
  ['mars-os-server-core', 'Not a Server Core installation', 'install', 'fail', 0.02, 0, 'backup-support-matrix-mars-agent'],
  ['mars-dotnet-version', '.NET Framework release', 'both', 'fail', 0.03, 0.02, 'install-mars-agent'],
  ['mars-powershell-version', 'Windows PowerShell engine version', 'install', 'fail', 0.01, 0, 'install-mars-agent'],
  ['mars-os-updates', 'OS has recent updates', 'both', 'warn', 0, 0.12, 'backup-support-matrix-mars-agent'],
  ['mars-vcredist-2008r2', 'VC++ 2008 x64 runtime on Windows Server 2008 R2', 'install', 'fail', 0.005, 0, 'backup-azure-mars-troubleshoot'],
  ['mars-install-dir-attributes', 'Install folder has no System/Hidden/Compressed/Encrypted attribute', 'install', 'fail', 0.01, 0, 'backup-azure-mars-troubleshoot'],
  ['mars-cache-folder', 'Cache (scratch) folder location and attributes are supported', 'both', 'fail', 0.01, 0.01, 'backup-support-matrix-mars-agent'],
  ['mars-cache-free-space', 'Free space on the cache volume', 'both', 'fail', 0.04, 0.05, 'install-mars-agent'],
  ['mars-antivirus-exclusions', 'Antivirus exclusions for the agent', 'both', 'warn', 0, 0.2, 'backup-azure-mars-troubleshoot'],
  ['mars-tls12-schannel', 'TLS 1.2 client enabled in SChannel', 'both', 'fail', 0.02, 0, 'transport-layer-security'],
  ['mars-tls12-dotnet', '.NET strong cryptography registry values', 'both', 'fail', 0.05, 0, 'transport-layer-security'],
  ['mars-tls12-legacy-os', 'TLS 1.2 updates on Windows Server 2008 SP2 / 2008 R2 / 2012', 'both', 'fail', 0.005, 0, 'transport-layer-security'],
  ['mars-agent-installed', 'Agent installed, engine service present and running', 'registration', 'fail', 0.03, 0.01, 'backup-azure-mars-troubleshoot'],
  ['mars-agent-version', 'Installed agent is new enough', 'both', 'fail', 0.02, 0.03, 'backup-azure-file-folder-backup-faq'],
  ['mars-clock-skew', 'System clock correct for its time zone', 'registration', 'fail', 0.06, 0.04, 'backup-azure-mars-troubleshoot'],
  ['mars-windows-temp-files', '.tmp build-up in C:\\Windows\\Temp', 'registration', 'fail', 0.02, 0.03, 'backup-azure-mars-troubleshoot'],
  ['mars-vault-credentials-file', 'Vault credentials file is usable', 'registration', 'fail', 0.03, 0, 'backup-azure-file-folder-backup-faq'],
  ['mars-existing-registration', 'Host not already registered elsewhere', 'registration', 'fail', 0.01, 0.01, 'backup-azure-mars-troubleshoot'],
  ['mars-scratch-kek', 'Encryption state in the scratch folder is intact', 'registration', 'fail', 0.005, 0, 'backup-azure-mars-troubleshoot'],
  ['mars-azure-tools-cert', 'No stale "Windows Azure Tools" certificate', 'registration', 'warn', 0, 0.02, 'backup-azure-mabs-troubleshoot'],
  ['mars-proxy-config', 'Proxy configuration matches reality', 'registration', 'fail', 0.02, 0.03, 'backup-azure-mars-troubleshoot'],
  ['mars-ie-file-download', 'Internet zone allows file download for SYSTEM', 'registration', 'warn', 0, 0.05, 'backup-azure-mars-troubleshoot'],
  ['mars-net-endpoints', 'Entra ID, Azure Backup and Storage reachable on 443', 'registration', 'fail', 0.05, 0.02, 'install-mars-agent'],
  ['mars-net-ncsi', 'Windows connectivity-check hosts reachable', 'registration', 'warn', 0, 0.06, 'install-mars-agent'],
  ['mars-private-endpoint-dns', 'Private-endpoint names resolve to private addresses', 'registration', 'fail', 0.01, 0, 'private-endpoints-overview'],
  ['mars-logs-known-errors', 'Recent agent/setup logs mention documented error IDs', 'both', 'warn', 0, 0.04, 'backup-azure-mars-troubleshoot'],
  ['mars-fleet-duplicate-names', 'No two hosts with the same name in one vault (controller-side)', 'registration', 'fail', 0.002, 0, 'backup-support-matrix-mars-agent'],
  ['mars-fleet-vault-capacity', 'Vault not over documented limits (controller-side)', 'registration', 'warn', 0, 0.01, 'backup-azure-mars-troubleshoot'],
];

// What each check's failure is called (the real packs' phrases): summaries say this, never the title.
const FAILURES: Record<string, string> = {
  'mars-local-admin': 'Installing account not a local administrator',
  'mars-os-supported': 'Unsupported Windows version or 32-bit Windows',
  'mars-os-server-core': 'Server Core or Nano Server installation',
  'mars-dotnet-version': '.NET Framework older than 4.8',
  'mars-powershell-version': 'Windows PowerShell older than 5.0',
  'mars-os-updates': 'No recent operating system updates',
  'mars-vcredist-2008r2': 'VC++ 2008 x64 runtime missing on Windows Server 2008 R2',
  'mars-install-dir-attributes': 'Install folder is System, Hidden, Compressed or Encrypted',
  'mars-cache-folder': 'Cache folder in an unsupported location',
  'mars-cache-free-space': 'Too little free space on the cache volume',
  'mars-antivirus-exclusions': 'Antivirus does not exclude the agent folders or cbengine.exe',
  'mars-tls12-schannel': 'TLS 1.2 client disabled in SChannel',
  'mars-tls12-dotnet': '.NET strong cryptography not enabled for TLS 1.2',
  'mars-tls12-legacy-os': 'WinHTTP not defaulting to TLS 1.2 on older Windows',
  'mars-agent-installed': 'MARS agent missing or engine service not running',
  'mars-agent-version': 'MARS agent too old to register',
  'mars-clock-skew': 'Clock off by 5 minutes or more',
  'mars-windows-temp-files': 'Too many .tmp files in a temp folder of SYSTEM',
  'mars-vault-credentials-file': 'Vault credentials file missing, expired or unusable',
  'mars-existing-registration': 'Already registered to another vault',
  'mars-scratch-kek': 'Scratch folder or OnlineBackup.KEK missing or inconsistent',
  'mars-azure-tools-cert': 'Stale Windows Azure Tools certificate present',
  'mars-proxy-config': 'Proxy unreachable, missing or asking for credentials',
  'mars-ie-file-download': 'File download disabled in the Internet zone',
  'mars-net-endpoints': 'Entra ID, Azure Backup or Storage unreachable on 443',
  'mars-net-ncsi': 'Windows connectivity-check hosts unreachable',
  'mars-private-endpoint-dns': 'Private-endpoint names not private or not reachable',
  'mars-logs-known-errors': 'Agent logs show documented error IDs',
  'mars-fleet-duplicate-names': 'Computer name shared by several hosts in one vault',
  'mars-fleet-vault-capacity': 'Vault over the 50-machine limit',
};

/** The first `count` checks of the MARS catalogue as check metadata. */
export function syntheticChecks(count = 30): CheckMetadata[] {
  return CATALOGUE.slice(0, count).map(([id, title, phase, severity, , , page]) => ({
    id,
    title,
    failure: FAILURES[id]!,
    phase,
    clouds: id === 'mars-private-endpoint-dns' ? ['public', 'usgov'] : ['public', 'china', 'usgov'],
    severity,
    kind: id.startsWith('mars-fleet-') ? 'fleet' : 'host',
    description: `Checks that ${title.charAt(0).toLowerCase()}${title.slice(1)}.`,
    remediation: `Fix the condition described in the evidence, then rerun the scan (${id}).`,
    source: `${LEARN}${page}`,
    tags: ['mars', phase],
    requires: [],
  }));
}

/** mulberry32: small seeded PRNG so every run of a test sees the same fleet. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CLOUDS = ['public', 'public', 'public', 'china', 'usgov'] as const;

function evidenceFor(id: string, status: CheckStatus, rnd: () => number): { summary: string; evidence: string[] } {
  const n = Math.floor(rnd() * 1000);
  switch (id) {
    case 'mars-clock-skew': {
      const offset = status === 'fail' ? 300 + n : status === 'warn' ? 60 + (n % 200) : n % 20;
      return {
        summary: `Expected clock offset under 60 s, but found ${offset} s`,
        evidence: [`offset: +${offset} s`, `time zone: W. Europe Standard Time`, `w32time: Running`, `source: ${status === 'pass' ? 'time.windows.com' : 'Local CMOS Clock'}`],
      };
    }
    case 'mars-net-endpoints':
      return {
        summary: status === 'pass' ? 'All endpoints reachable on 443' : 'Expected every endpoint reachable on 443, but 2 were not',
        evidence: [
          `login.microsoftonline.com:443 ${status === 'pass' ? 'open' : 'timed out after 5000 ms'}`,
          `*.backup.windowsazure.com:443 ${status === 'pass' ? 'open' : 'connection refused'}`,
          'blob.core.windows.net:443 open',
        ],
      };
    case 'mars-cache-free-space':
      return {
        summary: status === 'pass' ? 'Cache volume has enough free space' : `Expected at least 5% of backup size free, but found ${n % 5}%`,
        evidence: [`volume: D:`, `free: ${(n % 900) + 10} GB`, `planned backup: 4096 GB`],
      };
    default:
      return {
        summary: status === 'pass' ? 'Condition met' : `Expected the ${id.slice(5)} condition to hold, but found value ${n}`,
        evidence: status === 'pass' ? [] : [`probe: ${id}`, `value: ${n}`],
      };
  }
}

function pick(rnd: () => number, failRate: number, warnRate: number): CheckStatus {
  const r = rnd();
  if (r < failRate) return 'fail';
  if (r < failRate + warnRate) return 'warn';
  if (r < failRate + warnRate + 0.01) return 'skipped';
  if (r < failRate + warnRate + 0.012) return 'error';
  return 'pass';
}

/** A host name; every 50th one looks like a number (asset tag) to catch number coercion. */
function hostName(i: number, cloud: string): string {
  return i % 50 === 7 ? String(i).padStart(5, '0') : `srv-${cloud}-${String(i).padStart(5, '0')}`;
}

export function syntheticRun(options: SyntheticRunOptions = {}): RunRecord {
  const hostCount = options.hosts ?? 20;
  const rnd = prng(options.seed ?? 42);
  const checks = syntheticChecks(options.checks ?? 30);
  const rates = new Map(CATALOGUE.map((row) => [row[0], [row[4], row[5]] as const]));
  const unreachableRate = options.unreachableRate ?? 0.03;
  const timeoutRate = options.timeoutRate ?? 0.01;
  const startedAt = Date.parse('2026-11-25T08:00:00.000Z');

  const hosts: HostResult[] = [];
  for (let i = 0; i < hostCount; i++) {
    const cloud = CLOUDS[i % CLOUDS.length]!;
    const name = hostName(i, cloud);
    const r = rnd();
    const status: HostResult['status'] =
      r < unreachableRate ? 'unreachable' : r < unreachableRate + timeoutRate ? 'timeout' : 'ok';
    const finishedBefore = status === 'timeout' ? Math.floor(checks.length / 2) : checks.length;
    const outcomes: CheckOutcome[] = checks.map((check, index) => {
      if (status === 'unreachable' || index >= finishedBefore) {
        return { id: check.id, status: 'not-run', summary: 'Not run: host ' + status, evidence: [], reason: `host ${status}` };
      }
      const [failRate, warnRate] = rates.get(check.id) ?? [0.01, 0.01];
      const picked = pick(rnd, failRate, warnRate);
      const { summary, evidence } = evidenceFor(check.id, picked, rnd);
      const outcome: CheckOutcome = { id: check.id, status: picked, summary, evidence, ms: 20 + Math.floor(rnd() * 400) };
      if (picked === 'skipped') outcome.reason = 'not applicable: input vaultName missing';
      if (picked === 'error') outcome.reason = 'Access is denied.';
      return outcome;
    });
    hosts.push({
      name,
      address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      transport: i % 3 === 0 ? 'ssh-exec' : 'ssh',
      cloud,
      tags: i % 4 === 0 ? ['prod', 'files'] : ['test'],
      vault: `rsv-${cloud}-${i % 7}`,
      status,
      termination: terminationFromStatus(status),
      ...(status === 'unreachable' ? { reason: 'ssh: connect to host port 22: Connection timed out' } : {}),
      ...(status === 'timeout' ? { reason: 'deadline of 90s passed before the checks finished' } : {}),
      startedAt: new Date(startedAt + i * 50).toISOString(),
      durationMs: status === 'unreachable' ? 10_000 : 3_000 + Math.floor(rnd() * 20_000),
      ...(status === 'unreachable' ? {} : { computerName: name.toUpperCase(), psVersion: i % 5 === 0 ? '5.1.17763.6189' : '7.4.6' }),
      checks: outcomes,
    });
  }

  // Waive the clock-skew failure of the first few failing hosts; keep one expired and one unmatched waiver.
  const waivers: WaiverReport[] = [];
  let waived = 0;
  for (const host of hosts) {
    const outcome = host.checks.find((c) => c.id === 'mars-clock-skew' && c.status === 'fail');
    if (!outcome || waived >= Math.max(1, Math.floor(hostCount / 200))) continue;
    const waiver = { justification: 'NTP migration planned in change CHG0042', owner: 'infra-team', expires: '2027-01-31' };
    Object.assign(outcome, { status: 'waived', waivedStatus: 'fail', waiver });
    waivers.push({ host: host.name, check: outcome.id, ...waiver, state: 'applied', matched: 1 });
    waived++;
  }
  if (checks.some((c) => c.id === 'mars-net-endpoints')) {
    waivers.push({ host: 'srv-public-old01', check: 'mars-net-endpoints', justification: 'legacy proxy', owner: 'net-team', expires: '2026-10-01', state: 'expired', matched: 0 });
    waivers.push({ host: 'retired-host', check: 'mars-net-ncsi', justification: 'host retired', owner: 'ops', expires: '2027-06-30', state: 'unmatched', matched: 0 });
  }

  let changes: RunRecord['changes'] = null;
  if (options.changes) {
    const list: Change[] = [];
    for (const host of hosts.slice(0, 40)) {
      const failed = host.checks.find((c) => c.status === 'fail');
      if (failed) list.push({ kind: 'new-failure', host: host.name, check: failed.id, before: 'pass', after: 'fail', detail: failed.summary });
      if (host.status === 'unreachable') list.push({ kind: 'newly-unreachable', host: host.name, before: 'ok', after: 'unreachable', detail: host.reason ?? '' });
    }
    const second = hosts[1];
    if (second) list.push({ kind: 'fixed', host: second.name, check: 'mars-tls12-dotnet', before: 'fail', after: 'pass', detail: 'SchUseStrongCrypto now set' });
    list.push({ kind: 'host-removed', host: 'srv-public-old01', detail: 'not in the inventory any more' });
    changes = { previousRunId: '20261124-080000-prev', previousStartedAt: '2026-11-24T08:00:00.000Z', changes: list };
  }

  const durationMs = 4 * 60_000 + 12_000;
  return {
    schema: RUN_RECORD_SCHEMA,
    runId: '20261125-080000-a1b2',
    tool: { name: 'fleet-scan', version: '0.1.0' },
    pack: { name: 'mars', version: '1.0.0' },
    startedAt: new Date(startedAt).toISOString(),
    finishedAt: new Date(startedAt + durationMs).toISOString(),
    durationMs,
    user: 'CONTOSO\\scan-svc',
    controller: 'ctl01',
    inventory: { path: 'inventory/fleet.json', key: 'fleet-json-3f2a', hostCount },
    parameters: { concurrency: 32, deadlineMs: 90_000, connectTimeoutMs: 10_000, checks: null, tags: null, failOn: 'any' },
    interrupted: options.interrupted ?? false,
    checks,
    hosts,
    waivers,
    changes,
  };
}
