import { z } from 'zod';
import { cloudSchema } from '../record/check-metadata.js';

/**
 * A Windows machine, dressed: the state file the staged probe library (ps-scripts/lib/fake-staged/)
 * answers from on a lab host. Times are relative (ageDays, offsetSeconds) so files never go stale.
 * Documented in docs/staged-state.md; the JSON Schema beside the staged probes is generated from this.
 */

/** An entry a probe cannot read: the probe throws this message, so the check reports error. */
const failingEntrySchema = z
  .strictObject({ error: z.string().min(1) })
  .describe('A probe reading this entry throws the message (e.g. "access denied"); the check reports error.');

const orFailing = <T extends z.ZodType>(schema: T) => z.union([failingEntrySchema, schema]);

const registryValueSchema = z
  .union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.array(z.number().int().min(0).max(255)), z.null()])
  .describe('REG_SZ/REG_EXPAND_SZ text, REG_DWORD/REG_QWORD number, REG_MULTI_SZ list of text, REG_BINARY list of bytes.');

const fileSchema = z.strictObject({
  attributes: z.array(z.string()).optional().describe('FileAttributes names; default ["Archive"].'),
  ageDays: z.number().nonnegative().optional().describe('Last write = controller time of the run minus this many days.'),
  lastWriteTimeUtc: z.string().optional().describe('Absolute last write time (ISO 8601), when ageDays is not given.'),
  length: z.number().int().nonnegative().optional(),
  fileVersion: z.string().optional(),
  tailText: z.string().optional().describe('The end of the file (logs).'),
});

const dirSchema = z.strictObject({
  attributes: z.array(z.string()).optional().describe('FileAttributes names; default ["Directory"].'),
  count: z.record(z.string(), z.number().int().nonnegative()).optional().describe('Top-level file counts per pattern, e.g. { "*.tmp": 120, "*": 400 }.'),
});

const volumeSchema = z.strictObject({
  driveType: z.number().int().min(0).max(6).optional().describe('Win32_LogicalDisk DriveType; 3 = local fixed (default), 4 = network.'),
  fileSystem: z.string().optional(),
  sizeBytes: z.number().nonnegative(),
  freeBytes: z.number().nonnegative(),
  dedupEnabled: z.boolean().optional(),
});

const serviceSchema = z.strictObject({
  status: z.string(),
  startMode: z.string().optional(),
  displayName: z.string().optional(),
});

const memberSchema = z.union([
  z.string(),
  z
    .strictObject({ name: z.string(), objectClass: z.enum(['User', 'Group', 'Unknown']), sid: z.string().regex(/^S-1-/).optional() })
    .describe('objectClass Unknown with the SID as name: an orphaned SID (Get-LocalGroupMember then fails and ADSI lists the group).'),
]);

const tcpAnswerSchema = z.enum(['open', 'refused', 'timeout']);

const webAnswerSchema = z.union([
  z.strictObject({ status: z.number().int().min(100).max(599), body: z.string().optional() }),
  z.literal('timeout'),
  z.string().regex(/^error:/),
]);

const netSchema = z.strictObject({
  defaultReachable: z.boolean().optional().describe('Answer for hosts not listed below; default true.'),
  dns: z
    .record(z.string(), z.union([z.array(z.string()).min(1), z.literal('NXDOMAIN')]))
    .optional()
    .describe('Addresses in resolver order (an IPv6 address first, as on a dual-stack host), or NXDOMAIN.'),
  tcp: z
    .record(z.string(), tcpAnswerSchema)
    .optional()
    .describe('Keyed "host:port" (every address of the host) or "<IPv4>:port" / "[<IPv6>]:port" (one address); addresses are tried in order.'),
  tls: z.record(z.string(), z.enum(['Tls12', 'failed'])).optional(),
  revocation: z
    .record(z.string(), z.enum(['reachable', 'unreachable', 'none']))
    .optional()
    .describe('CRL/OCSP hosts of the endpoint certificate, keyed by endpoint host or "*"; default reachable.'),
  connect: z
    .record(z.string(), z.union([z.number().int().min(100).max(599), z.string().regex(/^error:/)]))
    .optional()
    .describe('Through a proxy: its answer to CONNECT <host>:443 (200 opens the tunnel, default 200; 403/502/503 refused; 407 wants credentials).'),
  web: z.record(z.string(), webAnswerSchema).optional().describe('Plain HTTP GET answers keyed by URL (Windows connectivity-check probes).'),
});

const inventorySchema = z.strictObject({
  cloud: cloudSchema,
  tags: z.array(z.string()).default([]),
  vars: z.record(z.string(), z.unknown()).default({}).describe('Pack vars for this host (validated against the pack by the inventory).'),
});

export const stagedStateSchema = z
  .strictObject({
    $schema: z.string().optional(),
    description: z.string().min(5).describe('What this machine is and what is wrong with it.'),
    inventory: inventorySchema.optional().describe('What `fleet-scan lab up` writes into the inventory for this host.'),
    computer: orFailing(z.strictObject({ computerName: z.string().min(1), dnsHostName: z.string().optional(), domain: z.string().optional() })).optional(),
    os: orFailing(
      z.strictObject({
        version: z.string().regex(/^\d+\.\d+(\.\d+)?$/),
        buildNumber: z.string().optional(),
        caption: z.string(),
        productType: z.union([z.literal(1), z.literal(2), z.literal(3)]),
        osArchitecture: z.string(),
        installationType: z.string().optional(),
      }),
    ),
    psVersion: z.string().optional().describe('Windows PowerShell engine version (PowerShellEngine\\PowerShellVersion).'),
    identity: orFailing(z.strictObject({ user: z.string(), isAdmin: z.boolean() })).optional(),
    localGroups: z.record(z.string(), orFailing(z.array(memberSchema))).optional().describe('Members per group SID.'),
    accounts: z
      .record(z.string(), z.union([z.string().regex(/^S-1-/), failingEntrySchema]))
      .optional()
      .describe('Account name (DOMAIN\\user, UPN or bare name) -> the SID Windows resolves it to; unlisted names do not resolve.'),
    registry: z.record(z.string(), orFailing(z.record(z.string(), registryValueSchema))).optional().describe('Values per key path ("HKLM:\\..." or "Registry::HKEY_USERS\\..."); a missing key is absent.'),
    files: z.record(z.string(), orFailing(fileSchema)).optional(),
    dirs: z.record(z.string(), orFailing(dirSchema)).optional().describe('Parents of listed files and dirs exist implicitly.'),
    volumes: z.record(z.string().regex(/^[A-Z]:$/), orFailing(volumeSchema)).optional(),
    services: z.record(z.string(), orFailing(serviceSchema)).optional(),
    hotfixes: z.array(z.strictObject({ id: z.string(), ageDays: z.number().nonnegative().optional(), installedOn: z.string().optional() })).optional(),
    defender: orFailing(
      z.strictObject({
        present: z.boolean().optional(),
        mode: z
          .string()
          .optional()
          .describe("AMRunningMode: Normal (default), Passive Mode, SxS Passive Mode, EDR Block Mode; 'not running' = switched off by another antivirus (its cmdlets fail with 0x800106ba)."),
        realtime: z.boolean().optional().describe('RealTimeProtectionEnabled, the live state.'),
        exclusionPath: z.array(z.string()).optional(),
        exclusionProcess: z.array(z.string()).optional(),
        exclusionsHidden: z.string().optional().describe('The "N/A: ..." text Defender shows instead of exclusions it hides from this account.'),
      }),
    ).optional(),
    certs: z.record(z.string(), orFailing(z.array(z.strictObject({ subject: z.string(), thumbprint: z.string(), notAfterUtc: z.string().optional() })))).optional(),
    clock: orFailing(
      z.strictObject({
        offsetSeconds: z.number().optional().describe('Host clock = controller time of the run + this offset.'),
        timeZoneId: z.string().optional(),
        w32timeStatus: z.string().nullable().optional(),
        w32timeSource: z.string().nullable().optional(),
      }),
    ).optional(),
    net: orFailing(netSchema).optional(),
  })
  .describe('fleet-scan staged state: one Windows machine for the staged probe library.');

export type StagedState = z.infer<typeof stagedStateSchema>;

/** The JSON Schema file shipped beside the staged probes (ps-scripts/lib/fake-staged/staged-state.schema.json). */
export function stagedStateJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(stagedStateSchema, { io: 'input' }), title: 'fleet-scan staged state' };
}
