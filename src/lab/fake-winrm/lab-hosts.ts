import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PwshLocation } from '../pwsh-location.js';
import { hostPassword, type Behaviour } from './behaviours.js';
import { ensureCertificateAuthority, issueServerCertificate } from './certificates.js';
import type { FakeWinrmConfig } from './config.js';

/** Windows' WinRM ports: every fake host listens on both, as a server with both listeners does. */
export const WINRM_HTTP_PORT = 5985;
export const WINRM_HTTPS_PORT = 5986;
/** The local account every fake host has. */
export const LAB_WINRM_USER = 'labadmin';
/** The variable the lab inventory names (credentialEnv) for the account's password. */
export const LAB_PASSWORD_ENV = 'FLEET_SCAN_LAB_PASSWORD';

/** How a lab host speaks WinRM. */
export interface WinrmHostSpec {
  /** The listener the inventory names: HTTPS 5986 (default) or HTTP 5985. */
  useSsl?: boolean;
  /** How the inventory says to log on; Basic is only ever accepted over HTTPS. Default ntlm. */
  auth?: 'ntlm' | 'basic';
  behaviour?: Behaviour;
  /** Also pin the host's certificate (certThumbprint) in the inventory. */
  pin?: boolean;
}

export interface WinrmLabHost {
  name: string;
  address: string;
  dir: string;
  stateFile?: string;
  spec: Required<Pick<WinrmHostSpec, 'useSsl' | 'auth' | 'pin'>> & Pick<WinrmHostSpec, 'behaviour'>;
  certFile: string;
  keyFile: string;
  /** SHA-1 thumbprint of the HTTPS certificate, as Windows shows it. */
  thumbprint: string;
}

export interface WinrmLab {
  /** The lab CA (PEM): what the inventory's caFile names. */
  caFile: string;
  /** `<dir>/client/winrm-password` (0600): the account's password, never written into the inventory. */
  passwordFile: string;
  configFile: string;
  log: string;
  hosts: WinrmLabHost[];
}

/** The lab's WinRM password: made once per lab dir, kept in a 0600 file. */
export function ensureLabPassword(dir: string): { file: string; password: string } {
  const clientDir = path.join(dir, 'client');
  mkdirSync(clientDir, { recursive: true, mode: 0o700 });
  const file = path.join(clientDir, 'winrm-password');
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(15).toString('base64url')}\n`, { mode: 0o600 });
  return { file, password: readFileSync(file, 'utf8').trim() };
}

/**
 * Everything the fake-winrm process of a lab needs: the lab CA (and, for bad-certificate hosts, a CA
 * nobody trusts), one certificate per host for its 127.x address, each host's state, and the config
 * file (0600: it holds the password).
 */
export async function prepareWinrmHosts(
  dir: string, specs: { name: string; address: string; state?: string; winrm: WinrmHostSpec }[],
  pwsh: PwshLocation, env: Record<string, string>,
): Promise<WinrmLab> {
  const { file: passwordFile, password } = ensureLabPassword(dir);
  const caDir = path.join(dir, 'ca');
  const ca = await ensureCertificateAuthority(caDir, 'lab-ca', 'fleet-scan lab CA');
  const rogue = specs.some((s) => s.winrm.behaviour === 'bad-certificate')
    ? await ensureCertificateAuthority(caDir, 'rogue-ca', 'fleet-scan rogue CA (not the lab CA)')
    : undefined;
  const hosts = await Promise.all(specs.map(async (s): Promise<WinrmLabHost> => {
    const hostDir = path.join(dir, 'hosts', s.name);
    mkdirSync(hostDir, { recursive: true, mode: 0o700 });
    let stateFile: string | undefined;
    if (s.state !== undefined) {
      stateFile = path.join(hostDir, 'state.json');
      copyFileSync(s.state, stateFile);
    }
    const cert = await issueServerCertificate(s.winrm.behaviour === 'bad-certificate' ? rogue! : ca, hostDir, s.name, s.address);
    const spec = { useSsl: s.winrm.useSsl ?? true, auth: s.winrm.auth ?? 'ntlm', pin: s.winrm.pin ?? false, behaviour: s.winrm.behaviour };
    return { name: s.name, address: s.address, dir: hostDir, ...(stateFile ? { stateFile } : {}), spec, certFile: cert.certFile, keyFile: cert.keyFile, thumbprint: cert.thumbprint };
  }));
  const config: FakeWinrmConfig = {
    pwsh, env, hosts: hosts.map((h) => ({
      name: h.name, address: h.address, dir: h.dir, account: { user: LAB_WINRM_USER, password: hostPassword(h.spec.behaviour, password) },
      listeners: [{ port: WINRM_HTTP_PORT }, { port: WINRM_HTTPS_PORT, tls: { certFile: h.certFile, keyFile: h.keyFile } }],
      ...(h.spec.behaviour ? { behaviour: h.spec.behaviour } : {}),
      ...(h.stateFile ? { stateFile: h.stateFile } : {}),
    })),
  };
  const fakeDir = path.join(dir, 'fake-winrm');
  mkdirSync(fakeDir, { recursive: true, mode: 0o700 });
  const configFile = path.join(fakeDir, 'config.json');
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  return { caFile: ca.certFile, passwordFile, configFile, log: path.join(fakeDir, 'fake-winrm.log'), hosts };
}

/** The variables the fake-winrm process runs with: the lab marker, and what pwsh needs of ours. */
export function fakeWinrmEnv(dir: string, marker: string): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin', [marker]: dir };
  for (const name of ['HOME', 'USER', 'LANG']) if (process.env[name] !== undefined) env[name] = process.env[name]!;
  return env;
}
