import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { Cloud } from '../record/check-metadata.js';
import { inferCloudFromRegion, normaliseCloud } from './cloud.js';
import { checkDuration } from './duration.js';
import type { Defaults, HostEntry, ResolvedHost, Transport } from './schema.js';

/**
 * The selected pack's check of a host's vars (the CLI passes `validateVars(pack, vars)` from
 * src/checks/pack-vars.ts). `where` names the vars (`inventory.json: hosts[2] (fs03).vars`); each returned
 * problem gets it as a prefix: `vaultName: is required` becomes `inventory.json: hosts[2] (fs03).vars.vaultName: is required`.
 */
export type VarsValidator = (vars: Record<string, unknown>, where: string) => string[];

/** A validated host entry and where it came from. */
export interface HostSource {
  entry: HostEntry;
  /** `hosts[3]`, `row 5`, `line 4`: how problems refer to the entry. */
  ref: string;
  /** Folder its relative paths are relative to. */
  baseDir: string;
}

export interface ResolveInput {
  file: string;
  defaults: Defaults;
  defaultsBaseDir: string;
  hosts: HostSource[];
  validateVars?: VarsValidator;
}

export interface ResolveResult {
  hosts: ResolvedHost[];
  problems: string[];
  warnings: string[];
}

// Built-in defaults for whatever neither the host nor `defaults` sets.
const DEFAULT_TRANSPORT: Transport = 'ssh';
const DEFAULT_SHELL = 'powershell.exe';
const DEFAULT_SUBSYSTEM = 'powershell';
const DEFAULT_CONNECT_TIMEOUT_MS = 15_000;
const MAX_WARNINGS_PER_KIND = 10;

/** Apply defaults to each host (ports, paths, tags, vars, cloud) and collect the pack's vars problems. */
export function resolveHosts(input: ResolveInput): ResolveResult {
  const { file, defaults } = input;
  const problems: string[] = [];
  const warnings = new WarningList(file);
  const hosts: ResolvedHost[] = [];

  for (const source of input.hosts) {
    const { entry } = source;
    const where = `${source.ref} (${entry.name})`;
    const transport = entry.transport ?? defaults.transport ?? DEFAULT_TRANSPORT;
    const useSsl = entry.useSsl ?? defaults.useSsl ?? true;
    const vars = { ...defaults.vars, ...entry.vars };
    const connectTimeout = checkDuration(entry.connectTimeout ?? defaults.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT_MS / 1000);
    const host = withoutUnset({
      name: entry.name,
      address: entry.address ?? entry.name,
      transport,
      user: entry.user ?? defaults.user,
      port: entry.port ?? defaultPortFor(transport, defaults) ?? builtInPort(transport, useSsl),
      keyFile: localPath(entry.keyFile, source.baseDir) ?? localPath(defaults.keyFile, input.defaultsBaseDir),
      knownHostsFile: localPath(entry.knownHostsFile, source.baseDir) ?? localPath(defaults.knownHostsFile, input.defaultsBaseDir),
      shell: entry.shell ?? defaults.shell ?? DEFAULT_SHELL,
      subsystem: entry.subsystem ?? defaults.subsystem ?? DEFAULT_SUBSYSTEM,
      credentialEnv: entry.credentialEnv ?? defaults.credentialEnv,
      useSsl,
      auth: entry.auth ?? defaults.auth ?? 'ntlm',
      spnHost: entry.spnHost,
      caFile: localPath(entry.caFile, source.baseDir) ?? localPath(defaults.caFile, input.defaultsBaseDir),
      certThumbprint: entry.certThumbprint ?? defaults.certThumbprint,
      skipCertificateCheck: entry.skipCertificateCheck ?? defaults.skipCertificateCheck ?? false,
      lab: entry.lab ?? defaults.lab ?? false,
      site: entry.site ?? defaults.site,
      cloud: decideCloud(entry.cloud ?? defaults.cloud, vars, where, warnings),
      tags: [...new Set([...(defaults.tags ?? []), ...(entry.tags ?? [])])],
      // The schema already refused bad durations, so this is always ok.
      connectTimeoutMs: connectTimeout.ok ? connectTimeout.ms : DEFAULT_CONNECT_TIMEOUT_MS,
      vars,
    });
    if (input.validateVars) {
      const varsWhere = `${file}: ${where}.vars`;
      problems.push(...input.validateVars(vars, varsWhere).map((problem) => prefixVarsProblem(varsWhere, problem)));
    }
    hosts.push(host);
  }
  return { hosts, problems, warnings: warnings.lines() };
}

// ssh and ssh-exec share sshd (and so a port); winrm has its own; local has none.
function portFamily(transport: Transport): 'ssh' | 'winrm' | 'none' {
  if (transport === 'winrm') return 'winrm';
  return transport === 'local' ? 'none' : 'ssh';
}

/** A port in `defaults` belongs to the defaults' transport: a winrm host does not inherit an ssh port. */
function defaultPortFor(transport: Transport, defaults: Defaults): number | undefined {
  if (defaults.port === undefined) return undefined;
  const family = portFamily(transport);
  return family !== 'none' && family === portFamily(defaults.transport ?? DEFAULT_TRANSPORT) ? defaults.port : undefined;
}

function builtInPort(transport: Transport, useSsl: boolean): number {
  if (transport === 'winrm') return useSsl ? 5986 : 5985;
  return transport === 'local' ? 0 : 22;
}

/** `~` is the home folder; a relative path is relative to the file that named it. */
function localPath(value: string | undefined, baseDir: string): string | undefined {
  if (value === undefined) return undefined;
  if (value === '~') return homedir();
  if (value.startsWith('~/') || value.startsWith('~\\')) return join(homedir(), value.slice(2));
  return isAbsolute(value) ? value : resolve(baseDir, value);
}

/** The cloud as given, else inferred from `vars.vaultRegion` (the region's name says its cloud), else public; warns when guessing. */
function decideCloud(given: string | undefined, vars: Record<string, unknown>, where: string, warnings: WarningList): Cloud {
  const region = typeof vars['vaultRegion'] === 'string' && vars['vaultRegion'] !== '' ? vars['vaultRegion'] : undefined;
  const cloud = given === undefined ? undefined : normaliseCloud(given);
  if (cloud !== undefined) {
    if (region !== undefined && inferCloudFromRegion(region) !== cloud) {
      warnings.add('mismatch', `${where}: cloud is ${cloud} but vars.vaultRegion ${JSON.stringify(region)} looks like a ${inferCloudFromRegion(region)} region`);
    }
    return cloud;
  }
  if (region !== undefined) {
    const inferred = inferCloudFromRegion(region);
    warnings.add('inferred', `${where}: cloud inferred from region ${JSON.stringify(region)}: ${inferred}`);
    return inferred;
  }
  warnings.add('assumed', `${where}: no cloud and no vars.vaultRegion; assuming public`);
  return 'public';
}

function prefixVarsProblem(where: string, problem: string): string {
  if (problem.startsWith(where)) return problem;
  // `vaultName: ...` or `proxy.port: ...` continue the path; anything else is a sentence about the vars.
  return /^[A-Za-z_][A-Za-z0-9_]*[.:[]/.test(problem) ? `${where}.${problem}` : `${where}: ${problem}`;
}

const OPTIONAL_KEYS: ReadonlySet<string> = new Set(['user', 'keyFile', 'knownHostsFile', 'credentialEnv', 'spnHost', 'site']);

/**
 * The host without the optional keys it leaves unset. Built anew rather than with `delete`: a deleted key turns
 * a V8 object into a hash table (1.5 KB more for each host, held the whole run), while every host made this
 * way shares its hidden class with the hosts of the same shape.
 */
function withoutUnset(host: ResolvedHost): ResolvedHost {
  return Object.fromEntries(Object.entries(host).filter(([key, value]) => value !== undefined || !OPTIONAL_KEYS.has(key))) as ResolvedHost;
}

/** Warnings grouped by kind, so a 500-row CSV without a cloud column says so in a few lines, not 500. */
class WarningList {
  private readonly byKind = new Map<string, string[]>();

  constructor(private readonly file: string) {}

  add(kind: string, line: string): void {
    const list = this.byKind.get(kind) ?? [];
    list.push(line);
    this.byKind.set(kind, list);
  }

  lines(): string[] {
    return [...this.byKind.values()].flatMap((list) => {
      const shown = list.slice(0, MAX_WARNINGS_PER_KIND).map((line) => `${this.file}: ${line}`);
      const more = list.length - shown.length;
      return more > 0 ? [...shown, `${this.file}: ... and ${more} more like the above`] : shown;
    });
  }
}
