import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ensureCertificateAuthority, issueServerCertificate } from '../../../../src/lab/fake-winrm/certificates.js';

const run = promisify(execFile);

export interface Pem {
  cert: Buffer;
  key: Buffer;
}

/** Certificates for the TLS tests, made with the openssl CLI in a temp folder; `remove()` deletes it. */
export interface TestCertificates {
  dir: string;
  caFile: string;
  /** Signed by the CA for 127.0.0.1 and localhost. */
  good: Pem;
  /** Signed by the CA for another name and address. */
  wrongName: Pem;
  /** Signed by the CA, valid until yesterday. */
  expired: Pem;
  /** Its own issuer, trusted by nobody. */
  selfSigned: Pem;
  remove(): void;
}

function pem(certFile: string, keyFile: string): Pem {
  return { cert: readFileSync(certFile), key: readFileSync(keyFile) };
}

export async function makeTestCertificates(): Promise<TestCertificates> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fs-winrm-tls-'));
  const ca = await ensureCertificateAuthority(dir, 'ca', 'fleet-scan test CA');
  const good = await issueServerCertificate(ca, path.join(dir, 'good'), 'localhost', '127.0.0.1');
  const wrong = await issueServerCertificate(ca, path.join(dir, 'wrong'), 'other.example', '127.9.9.9');
  // -days -1 puts notAfter before notBefore: expired from the start.
  const key = path.join(dir, 'expired.key');
  const csr = path.join(dir, 'expired.csr');
  const ext = path.join(dir, 'expired.ext');
  const cert = path.join(dir, 'expired.pem');
  writeFileSync(ext, 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  await run('openssl', ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', csr, '-subj', '/CN=localhost']);
  await run('openssl', ['x509', '-req', '-in', csr, '-CA', ca.certFile, '-CAkey', ca.keyFile, '-set_serial', `0x${randomBytes(8).toString('hex')}`, '-out', cert, '-days', '-1', '-extfile', ext]);
  const selfKey = path.join(dir, 'self.key');
  const selfCert = path.join(dir, 'self.pem');
  await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', selfKey, '-out', selfCert,
    '-days', '30', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-addext', 'extendedKeyUsage=serverAuth']);
  return {
    dir,
    caFile: ca.certFile,
    good: pem(good.certFile, good.keyFile),
    wrongName: pem(wrong.certFile, wrong.keyFile),
    expired: pem(cert, key),
    selfSigned: pem(selfCert, selfKey),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
