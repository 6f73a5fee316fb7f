import { readFileSync } from 'node:fs';
import { readConfigFile } from '../../../../src/lab/fake-winrm/config.js';
import { ensureLabPassword, LAB_WINRM_USER, prepareWinrmHosts, type WinrmHostSpec, type WinrmLab } from '../../../../src/lab/fake-winrm/lab-hosts.js';
import { startFakeWinrm, type FakeWinrm } from '../../../../src/lab/fake-winrm/server.js';
import { findPwsh } from '../../../../src/lab/pwsh-location.js';

export const USER = LAB_WINRM_USER;
export const HTTP_PORT = 5985;
export const HTTPS_PORT = 5986;

export interface TestHost {
  name: string;
  address: string;
  state?: string;
  winrm?: WinrmHostSpec;
  /** The service principal (`HTTP/<fqdn>`) the host accepts Kerberos tickets for; its key is in KRB5_KTNAME. */
  kerberos?: string;
}

export interface TestFake {
  fake: FakeWinrm;
  lab: WinrmLab;
  /** PEM of the lab CA (a bad-certificate host's certificate is signed by another one). */
  ca: Buffer;
  password: string;
}

/**
 * Prepares hosts the way the lab does (certificates, states, config file) and serves them from this
 * process, so a test can look inside (shell counts) and needs no build.
 */
export async function startTestFake(dir: string, hosts: TestHost[], tune: { orphanTimeoutMs?: number; slowReceiveMs?: number } = {}): Promise<TestFake> {
  const pwsh = findPwsh();
  if (!pwsh.ok) throw new Error(pwsh.message);
  const lab = await prepareWinrmHosts(dir, hosts.map((h) => ({ ...h, winrm: h.winrm ?? {} })), pwsh.value, { FLEET_SCAN_LAB: dir });
  const config = readConfigFile(lab.configFile);
  if (!config.ok) throw new Error(config.message);
  const fake = await startFakeWinrm({
    ...config.value,
    ...(tune.orphanTimeoutMs ? { orphanTimeoutMs: tune.orphanTimeoutMs } : {}),
    hosts: config.value.hosts.map((h) => {
      const service = hosts.find((t) => t.name === h.name)?.kerberos;
      return { ...h, ...(tune.slowReceiveMs !== undefined ? { slowReceiveMs: tune.slowReceiveMs } : {}), ...(service ? { kerberos: { service } } : {}) };
    }),
  });
  return { fake, lab, ca: readFileSync(lab.caFile), password: ensureLabPassword(dir).password };
}
