import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { BEHAVIOURS } from './behaviours.js';

const listenerSchema = z.strictObject({
  port: z.int().min(1).max(65535),
  /** PEM files of an HTTPS listener; an HTTP listener has none. */
  tls: z.strictObject({ certFile: z.string(), keyFile: z.string() }).optional(),
});

const hostSchema = z.strictObject({
  /** The computer name the host answers NTLM with (NetBIOS: upper-cased, at most 15 characters). */
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/),
  address: z.string().regex(/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/),
  listeners: z.array(listenerSchema).min(1),
  /** The one local account of the host: its user name and its password on this host. */
  account: z.strictObject({ user: z.string().min(1), password: z.string().min(1) }),
  /**
   * Kerberos as a domain member has it: tickets for this service principal (`HTTP/<fqdn>`) are accepted
   * with its key from the keytab KRB5_KTNAME names. Without it the host offers Kerberos and refuses it.
   */
  kerberos: z.strictObject({ service: z.string().regex(/^HTTP\/[A-Za-z0-9][A-Za-z0-9.-]*$/) }).optional(),
  /** Basic authentication on (only ever accepted over HTTPS, as Windows with AllowUnencrypted=false). */
  basic: z.boolean().default(true),
  behaviour: z.enum(BEHAVIOURS).optional(),
  slowReceiveMs: z.int().nonnegative().optional(),
  maxShellsPerUser: z.int().nonnegative().default(30),
  /** Named by FLEET_SCAN_STAGED_STATE in every command's environment. */
  stateFile: z.string().optional(),
  /** Working directory of commands. */
  dir: z.string(),
});

const fakeWinrmConfigSchema = z.strictObject({
  pwsh: z.strictObject({ dotnet: z.string(), dll: z.string() }),
  /** Extra variables for every command, e.g. the lab marker. */
  env: z.record(z.string(), z.string()).default({}),
  /** A shell whose client went away is deleted after this long unused. */
  orphanTimeoutMs: z.int().positive().default(30_000),
  hosts: z.array(hostSchema).min(1),
});

export type FakeWinrmConfig = z.input<typeof fakeWinrmConfigSchema>;
export type ResolvedConfig = z.output<typeof fakeWinrmConfigSchema>;
export type FakeHostConfig = ResolvedConfig['hosts'][number];

export type Loaded<T> = { ok: true; value: T } | { ok: false; message: string };

export function resolveConfig(config: unknown): Loaded<ResolvedConfig> {
  const parsed = fakeWinrmConfigSchema.safeParse(config);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
}

export function readConfigFile(file: string): Loaded<ResolvedConfig> {
  try {
    return resolveConfig(JSON.parse(readFileSync(file, 'utf8')));
  } catch (err) {
    return { ok: false, message: `${file}: ${(err as Error).message.split('\n')[0]}` };
  }
}
