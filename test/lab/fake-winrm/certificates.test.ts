import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { ensureCertificateAuthority, issueServerCertificate } from '../../../src/lab/fake-winrm/certificates.js';

describe('lab certificates', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fw-certs-'));

  test('a host certificate is signed by the lab CA, names its 127.x address and serves TLS that the CA verifies', async () => {
    const ca = await ensureCertificateAuthority(path.join(dir, 'ca'), 'lab-ca', 'test CA');
    const cert = await issueServerCertificate(ca, path.join(dir, 'h1'), 'fs01', '127.0.188.2');
    const x = new X509Certificate(readFileSync(cert.certFile));
    expect(x.subjectAltName).toBe('IP Address:127.0.188.2, DNS:fs01');
    expect(x.verify(new X509Certificate(readFileSync(ca.certFile)).publicKey)).toBe(true);
    expect(cert.thumbprint).toBe(x.fingerprint.replace(/:/g, ''));
    expect(cert.thumbprint).toMatch(/^[0-9A-F]{40}$/);

    const server = tls.createServer({ cert: readFileSync(cert.certFile), key: readFileSync(cert.keyFile) }, (s) => s.end());
    await new Promise<void>((r) => server.listen({ host: '127.0.188.2', port: 0 }, r));
    const port = (server.address() as { port: number }).port;
    const verified = await new Promise<boolean>((resolve) => {
      const s = tls.connect({ host: '127.0.188.2', port, ca: readFileSync(ca.certFile) }, () => resolve(s.authorized));
      s.on('error', () => resolve(false));
    });
    server.close();
    expect(verified).toBe(true);
  });

  test('the CA is made once and kept', async () => {
    const a = await ensureCertificateAuthority(path.join(dir, 'ca2'), 'lab-ca', 'test CA');
    const first = readFileSync(a.certFile, 'utf8');
    await ensureCertificateAuthority(path.join(dir, 'ca2'), 'lab-ca', 'test CA');
    expect(readFileSync(a.certFile, 'utf8')).toBe(first);
  });
});
