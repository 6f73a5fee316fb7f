import { z } from 'zod';
import { cloudSchema } from '../record/check-metadata.js';
import { CLOUD_SPELLINGS, canonicalCloudSpelling } from './cloud.js';
import { DURATION_PATTERN, checkDuration } from './duration.js';
import { HOST_ADDRESS_PATTERN, isHostAddress } from './host-name.js';

// The inventory file format. This file is the one truth: the JSON Schema for editors
// (inventory.schema.json), the CSV/text readers and the types all derive from it.

const TRANSPORTS = ['ssh', 'ssh-exec', 'winrm', 'local'] as const;
const WINRM_AUTHS = ['ntlm', 'basic', 'kerberos'] as const;

/** Longest accepted connect timeout: a larger number is almost always milliseconds typed as seconds. */
const MAX_CONNECT_TIMEOUT_MS = 10 * 60_000;

// Patterns that keep values out of shells and ssh options: nothing starts with `-`, no control characters.
const USER_PART = '[A-Za-z0-9._][A-Za-z0-9._-]{0,63}';
const USER_PATTERN = new RegExp(`^(?:${USER_PART}\\\\)?${USER_PART}$`);
const LOCAL_PATH_PATTERN = /^[^\u0000-\u001f\u007f-][^\u0000-\u001f\u007f]*$/;
const SHELL_PATTERN = /^[^\u0000-\u001f\u007f;&|<>$`"'%^!-][^\u0000-\u001f\u007f;&|<>$`"'%^!]*$/;
const SUBSYSTEM_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$/;
const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._:/-]{0,63}$/;
const VAR_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const THUMBPRINT_PATTERN = /^(?:[0-9A-Fa-f]{2}[: ]?){19}[0-9A-Fa-f]{2}$|^(?:[0-9A-Fa-f]{2}[: ]?){31}[0-9A-Fa-f]{2}$/;
/** A DNS name (labels of letters, digits and "-"), as a service principal names its host. */
const SPN_HOST_PATTERN = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const INVENTORY_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** A site names files and shards too (`fleet-scan-<run>-<site>-shard-1of4.json`), so it is file-name safe. */
export const SITE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * What each field must be, worded for one-line errors (`<file>: <where>.<field>: <rule>, got <value>`).
 * Keyed by field name; `inventory.name` is the top-level name, `vars.*` a variable name, `tags[]` one tag.
 */
export const FIELD_RULES: Record<string, string> = {
  inventory: 'must be a JSON object with a "hosts" list',
  defaultsFile: 'must be a JSON object like { "defaults": { ... } }',
  'inventory.name': 'must be letters, digits, ".", "_" or "-" (up to 128), starting with a letter or digit',
  '$schema': 'must be a string',
  comment: 'must be a string',
  defaults: 'must be an object',
  hosts: 'must be a non-empty list of hosts',
  'hosts[]': 'must be an object with at least a name',
  name: 'must be a host name (letters, digits, "-", "_" and dots) or an IP address',
  address: 'must be a DNS name, an IPv4 or an IPv6 address (no spaces, no leading "-", no shell characters)',
  transport: `must be one of ${TRANSPORTS.join(', ')}`,
  user: 'must be a user name (letters, digits, ".", "_" or "-", up to 64, not starting with "-") or DOMAIN\\user',
  port: 'must be 1-65535',
  keyFile: 'must be a file path without control characters, not starting with "-"',
  knownHostsFile: 'must be a file path without control characters, not starting with "-"',
  connectTimeout: 'must be a duration up to 10m like 500ms, 15s or 2m, or a number of seconds',
  cloud: 'must be one of public, china, usgov (or AzureCloud, AzureChinaCloud, AzureUSGovernment, mooncake, fairfax)',
  tags: 'must be a list of tags',
  'tags[]': 'must be a tag (letters, digits, ".", "_", ":", "/" or "-", up to 64)',
  shell: 'must be a program path without control characters, shell characters (; & | < > $ ` " \' % ^ !) or a leading "-"',
  subsystem: 'must be an ssh subsystem name (letters, digits, ".", "_" or "-", up to 64)',
  credentialEnv: 'must be the NAME of an environment variable (letters, digits and "_", not starting with a digit)',
  useSsl: 'must be true or false',
  auth: 'must be ntlm, basic or kerberos',
  spnHost: 'must be a DNS name (the host part of the service principal HTTP/<spnHost>)',
  caFile: 'must be a file path without control characters, not starting with "-"',
  certThumbprint: 'must be a certificate thumbprint: 40 (SHA-1) or 64 (SHA-256) hex digits, colons or spaces allowed',
  skipCertificateCheck: 'must be true or false',
  lab: 'must be true or false',
  site: 'must be a site name (letters, digits, ".", "_" or "-", up to 64, starting with a letter or digit)',
  vars: 'must be an object of variables',
  'vars.*': 'must be a variable name (letters, digits and "_", up to 64, not starting with a digit)',
};

const durationSchema = z
  .union([z.string().regex(DURATION_PATTERN), z.number().positive()])
  .refine((value) => {
    const result = checkDuration(value);
    return result.ok && result.ms <= MAX_CONNECT_TIMEOUT_MS;
  });

/** Fields a host can set and `defaults` can set for every host. */
const connectionFields = {
  transport: z.enum(TRANSPORTS).optional()
    .describe('How to reach the host: winrm (WinRM, on by default on Windows Server 2012 R2 and later; nothing to install), ssh-exec (plain ssh running powershell.exe; Windows PowerShell 5.1 is enough), ssh (PowerShell remoting over SSH, needs PowerShell 7) or local. Default ssh.'),
  user: z.string().regex(USER_PATTERN).optional()
    .describe('Account to log in as: user or DOMAIN\\user. Default: ssh decides (your user or ~/.ssh/config).'),
  port: z.int().min(1).max(65535).optional()
    .describe('TCP port. Default 22 for ssh and ssh-exec; 5986 for winrm with useSsl, 5985 without. A port in defaults applies to hosts of the same kind of transport (ssh or winrm) as defaults.transport.'),
  keyFile: z.string().regex(LOCAL_PATH_PATTERN).optional()
    .describe('Private key file for ssh (the path, never the key). "~" is your home folder; relative paths are relative to this file.'),
  knownHostsFile: z.string().regex(LOCAL_PATH_PATTERN).optional()
    .describe('known_hosts file that holds the hosts\' keys. "~" is your home folder; relative paths are relative to this file.'),
  connectTimeout: durationSchema.optional()
    .describe('How long to wait for a connection: 500ms, 15s, 2m or a number of seconds (at most 10m). Default 15s.'),
  cloud: z.preprocess(canonicalCloudSpelling, z.enum(CLOUD_SPELLINGS)).optional()
    .describe('Azure cloud the host will back up to: public (AzureCloud), china (AzureChinaCloud, mooncake) or usgov (AzureUSGovernment, fairfax); any case. If missing it is inferred from vars.vaultRegion, else public (with a warning).'),
  tags: z.array(z.string().regex(TAG_PATTERN)).optional()
    .describe('Labels to select hosts with --tag. Tags in defaults and on the host are merged.'),
  shell: z.string().regex(SHELL_PATTERN).optional()
    .describe('Program ssh-exec starts on the host. Default powershell.exe (Windows PowerShell 5.1).'),
  subsystem: z.string().regex(SUBSYSTEM_PATTERN).optional()
    .describe('sshd subsystem the ssh transport asks for. Default powershell.'),
  credentialEnv: z.string().regex(ENV_NAME_PATTERN).optional()
    .describe('winrm only: NAME of the environment variable holding the password (the inventory never holds secrets). Without it fleet-scan prompts when a terminal is attached.'),
  useSsl: z.boolean().optional()
    .describe('winrm only: use HTTPS (default true, port 5986). With false, HTTP 5985 with NTLM message encryption, as a default Windows listener allows.'),
  auth: z.enum(WINRM_AUTHS).optional()
    .describe('winrm only: ntlm (default; local or domain accounts, works on HTTP with message encryption), basic (local accounts, HTTPS only) or kerberos (HTTPS only; the controller\'s ticket from kinit or a client keytab, so no user, password or credentialEnv).'),
  caFile: z.string().regex(LOCAL_PATH_PATTERN).optional()
    .describe('winrm over HTTPS: PEM file of the CA(s) that signed the listener certificates, instead of the system CAs. Relative paths are relative to this file.'),
  certThumbprint: z.string().regex(THUMBPRINT_PATTERN).optional()
    .describe('winrm over HTTPS: accept only the listener certificate with this SHA-1 thumbprint (as Windows shows it) or SHA-256 fingerprint.'),
  skipCertificateCheck: z.boolean().optional()
    .describe('winrm over HTTPS: do not verify the certificate at all. For a lab only: every report of the run says it was used.'),
  lab: z.boolean().optional()
    .describe('A fleet-scan lab host (fleet-scan lab up): its Windows state is staged, so the check bundle carries the staged probe library. Never set it for a real server.'),
  site: z.string().regex(SITE_PATTERN).optional()
    .describe('Network site or segment the host is in: `fleet-scan scan --site NAME` scans only the hosts of that site, from a controller that can reach them; shards split each site on its own.'),
  vars: z.record(z.string().regex(VAR_NAME_PATTERN), z.unknown()).optional()
    .describe('Check pack variables (MARS: vaultName, vaultRegion, plannedBackupBytes, ...). Host vars are merged over default vars; the pack validates them.'),
};

/** `defaults`: values every host gets unless it sets its own. */
export const defaultsSchema = z.strictObject(connectionFields)
  .describe('Values every host gets unless it sets its own.');
export type Defaults = z.infer<typeof defaultsSchema>;

/** One entry of `hosts`. */
export const hostEntrySchema = z.strictObject({
  comment: z.string().optional().describe('Free text for people (why this host is special); fleet-scan ignores it.'),
  name: z.string().regex(HOST_ADDRESS_PATTERN).refine(isHostAddress)
    .describe('Host name as reports show it; unique (case-insensitive). Also the address unless address is given.'),
  address: z.string().regex(HOST_ADDRESS_PATTERN).refine(isHostAddress).optional()
    .describe('DNS name, IPv4 or IPv6 address to connect to. Default: the name.'),
  spnHost: z.string().regex(SPN_HOST_PATTERN).optional()
    .describe('winrm with auth kerberos: this host\'s name in its service principal HTTP/<spnHost>, when address is an IP or an alias. Default: the address.'),
  ...connectionFields,
}).describe('One host to scan.');
export type HostEntry = z.infer<typeof hostEntrySchema>;

const schemaRef = z.string().optional().describe('Where editors find the JSON Schema of this file.');
const inventoryName = z.string().regex(INVENTORY_NAME_PATTERN).optional()
  .describe('Name of this inventory; history compares runs with the same name. Default: the file\'s absolute path.');

/** The JSON inventory file. */
export const inventoryFileSchema = z.strictObject({
  $schema: schemaRef,
  name: inventoryName,
  comment: z.string().optional().describe('Free text for people; fleet-scan ignores it.'),
  defaults: defaultsSchema.optional(),
  hosts: z.array(hostEntrySchema).min(1).describe('The hosts to scan.'),
}).describe('fleet-scan inventory: the Windows servers to scan and how to reach them. No secrets.');
export type InventoryFile = z.infer<typeof inventoryFileSchema>;

/** The file given with --defaults for CSV and text inventories. */
export const defaultsFileSchema = z.strictObject({
  $schema: schemaRef,
  name: inventoryName,
  defaults: defaultsSchema.optional(),
});

/** A host with every default applied: what the runner connects to. */
export const resolvedHostSchema = z.strictObject({
  name: z.string(),
  address: z.string(),
  transport: z.enum(TRANSPORTS),
  user: z.string().optional(),
  /** 0 for the local transport, which has no port. */
  port: z.int().min(0).max(65535),
  keyFile: z.string().optional(),
  knownHostsFile: z.string().optional(),
  shell: z.string(),
  subsystem: z.string(),
  credentialEnv: z.string().optional(),
  useSsl: z.boolean(),
  auth: z.enum(WINRM_AUTHS),
  spnHost: z.string().optional(),
  caFile: z.string().optional(),
  certThumbprint: z.string().optional(),
  skipCertificateCheck: z.boolean(),
  lab: z.boolean(),
  site: z.string().optional(),
  cloud: cloudSchema,
  tags: z.array(z.string()),
  connectTimeoutMs: z.int().positive(),
  vars: z.record(z.string(), z.unknown()),
});
export type ResolvedHost = z.infer<typeof resolvedHostSchema>;
export type Transport = ResolvedHost['transport'];

/** A loaded inventory: the hosts to scan, the key history files runs under, and warnings to show. */
export interface Inventory {
  /** Absolute path of the inventory file. */
  path: string;
  /** History key: the inventory's name, else its absolute path. */
  key: string;
  name?: string;
  hosts: ResolvedHost[];
  warnings: string[];
}

/** Known field names per place in the file, for "did you mean" suggestions. */
export const KNOWN_FIELDS = {
  root: Object.keys(inventoryFileSchema.shape),
  defaultsFile: Object.keys(defaultsFileSchema.shape),
  defaults: Object.keys(defaultsSchema.shape),
  host: Object.keys(hostEntrySchema.shape),
};
