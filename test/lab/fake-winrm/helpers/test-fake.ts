import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { hostPassword, type Behaviour } from '../../../../src/lab/fake-winrm/behaviours.js';
import { ensureCertificateAuthority, issueServerCertificate } from '../../../../src/lab/fake-winrm/certificates.js';
import { startFakeWinrm, type FakeWinrm } from '../../../../src/lab/fake-winrm/server.js';
import { findPwsh } from '../../../../src/lab/pwsh-location.js';

export const USER = 'labadmin';
export const PASSWORD = 'Lab-Pa55w0rd!';
export const HTTP_PORT = 5985;
export const HTTPS_PORT = 5986;

export interface TestHost {
  name: string;
  address: string;
  behaviour?: Behaviour;
  stateFile?: string;
  slowReceiveMs?: number;
}

export interface TestFake {
  fake: FakeWinrm;
  /** PEM of the CA that signed the hosts' certificates (a bad-certificate host's is signed by another). */
  ca: Buffer;
  dir: string;
}

/** Starts fake-winrm in this process: each host on HTTP 5985 and HTTPS 5986 with a lab-CA certificate. */
export async function startTestFake(dir: string, hosts: TestHost[], orphanTimeoutMs = 30_000): Promise<TestFake> {
  const pwsh = findPwsh();
  if (!pwsh.ok) throw new Error(pwsh.message);
  const ca = await ensureCertificateAuthority(path.join(dir, 'ca'), 'ca', 'fleet-scan test CA');
  const rogue = hosts.some((h) => h.behaviour === 'bad-certificate')
    ? await ensureCertificateAuthority(path.join(dir, 'ca'), 'rogue-ca', 'not the lab CA')
    : undefined;
  const configs = await Promise.all(hosts.map(async (h) => {
    const hostDir = path.join(dir, 'hosts', h.name);
    mkdirSync(hostDir, { recursive: true });
    const cert = await issueServerCertificate(h.behaviour === 'bad-certificate' ? rogue! : ca, hostDir, h.name, h.address);
    return {
      name: h.name, address: h.address, dir: hostDir,
      listeners: [{ port: HTTP_PORT }, { port: HTTPS_PORT, tls: { certFile: cert.certFile, keyFile: cert.keyFile } }],
      account: { user: USER, password: hostPassword(h.behaviour, PASSWORD) },
      ...(h.behaviour ? { behaviour: h.behaviour } : {}),
      ...(h.stateFile ? { stateFile: h.stateFile } : {}),
      ...(h.slowReceiveMs !== undefined ? { slowReceiveMs: h.slowReceiveMs } : {}),
    };
  }));
  const fake = await startFakeWinrm({ pwsh: pwsh.value, env: { FLEET_SCAN_LAB: dir }, orphanTimeoutMs, hosts: configs });
  return { fake, ca: readFileSync(ca.certFile), dir };
}
