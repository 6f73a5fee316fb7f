import { execFile } from 'node:child_process';
import { randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CertificateAuthority {
  certFile: string;
  keyFile: string;
}

export interface ServerCertificate {
  certFile: string;
  keyFile: string;
  /** SHA-1 of the DER, upper-case hex without separators: the thumbprint Windows shows. */
  thumbprint: string;
}

async function openssl(args: string[]): Promise<void> {
  try {
    await run('openssl', args);
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`openssl ${args[0]}: ${(e.stderr ?? '').trim().split('\n')[0] || e.message}`);
  }
}

/** A CA (P-256, 30 days) in `dir`, or the one already there. `name` goes into its subject. */
export async function ensureCertificateAuthority(dir: string, file: string, name: string): Promise<CertificateAuthority> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ca = { certFile: path.join(dir, `${file}.pem`), keyFile: path.join(dir, `${file}.key`) };
  if (existsSync(ca.certFile) && existsSync(ca.keyFile)) return ca;
  await openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', ca.keyFile, '-out', ca.certFile, '-days', '30', '-subj', `/CN=${name}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  return ca;
}

/**
 * A server certificate for one host, signed by `ca`: CN = the host name, SANs = its address and name,
 * serverAuth, as a WinRM HTTPS listener's certificate must be.
 */
export async function issueServerCertificate(ca: CertificateAuthority, dir: string, name: string, address: string): Promise<ServerCertificate> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const certFile = path.join(dir, 'winrm.pem');
  const keyFile = path.join(dir, 'winrm.key');
  const csr = path.join(dir, 'winrm.csr');
  const ext = path.join(dir, 'winrm.ext');
  writeFileSync(ext, `subjectAltName=IP:${address},DNS:${name}\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n`);
  await openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', csr, '-subj', `/CN=${name}`]);
  // A random serial rather than a serial file: hosts are issued in parallel.
  await openssl(['x509', '-req', '-in', csr, '-CA', ca.certFile, '-CAkey', ca.keyFile, '-set_serial', `0x${randomBytes(16).toString('hex')}`,
    '-out', certFile, '-days', '30', '-extfile', ext]);
  rmSync(csr, { force: true });
  rmSync(ext, { force: true });
  return { certFile, keyFile, thumbprint: thumbprintOf(certFile) };
}

function thumbprintOf(certFile: string): string {
  return new X509Certificate(readFileSync(certFile)).fingerprint.replace(/:/g, '').toUpperCase();
}
