// Kerberos from the controller's own ticket, end to end: a real MIT KDC on loopback, tickets from the
// real kinit (or a client keytab), fake-winrm accepting them with the service keytab as a domain member
// does, and the real MARS pack through the winrm transport. Addresses 127.71.0.x belong to this file.
import { mkdtempSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../../src/checks/catalog.js';
import type { ResolvedHost } from '../../../src/inventory/schema.js';
import { packBundles } from '../../../src/runner/pack-bundles.js';
import { scanHost } from '../../../src/runner/scan-host.js';
import { winrmTransport } from '../../../src/runner/transports/winrm.js';
import { servicePrincipal, ticketProblem } from '../../../src/runner/winrm/kerberos-auth.js';
import { runWinrsCommand, type WinrsOutcome } from '../../../src/runner/winrm/winrs-client.js';
import type { WinrmTarget } from '../../../src/runner/winrm/winrm-target.js';
import { startKdc, useKdcEnvironment, type TestKdc } from '../../helpers/kdc.js';
import { HTTP_PORT, HTTPS_PORT, startTestFake, type TestFake } from '../../lab/fake-winrm/helpers/test-fake.js';
import { HEALTHY_STATE, healthyInventoryVars } from '../helpers/scan-lab.js';
import { makeTestCertificates, type TestCertificates } from './helpers/test-certs.js';

const A = { krb01: '127.71.0.1', krb02: '127.71.0.2' };
const CHECKS = ['mars-dotnet-version', 'mars-clock-skew', 'mars-powershell-version'];

let dir: string;
let kdc: TestKdc;
let lab: TestFake;
let certs: TestCertificates;
let restore: () => void;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fs-winrm-krb-'));
  kdc = await startKdc(path.join(dir, 'kdc'));
  restore = useKdcEnvironment(kdc);
  kdc.addService('krb01.lab.test');
  kdc.addService('krb02.lab.test');
  kdc.kinit(kdc.addUser('scanner', 'scanner-pw-1'), 'scanner-pw-1');
  kdc.exportKeytab(kdc.addUser('robot', 'robot-pw-1'), path.join(dir, 'robot.keytab'));
  certs = await makeTestCertificates();
  lab = await startTestFake(path.join(dir, 'lab'), [
    { name: 'krb01', address: A.krb01, state: HEALTHY_STATE, kerberos: 'HTTP/krb01.lab.test' },
    { name: 'krb02', address: A.krb02, kerberos: 'HTTP/krb02.lab.test' },
  ]);
}, 120_000);

afterAll(async () => {
  await lab?.fake.close();
  restore?.();
  await kdc?.stop();
  certs?.remove();
  rmSync(dir, { recursive: true, force: true });
});

function target(address: string, over: Partial<WinrmTarget> = {}): WinrmTarget {
  return {
    address, port: HTTPS_PORT, https: true, auth: 'kerberos', user: '', password: '', spnHost: 'krb01.lab.test',
    tls: { caFile: lab.lab.caFile }, connectTimeoutMs: 5_000, ...over,
  };
}

async function run(t: WinrmTarget): Promise<{ outcome: WinrsOutcome; stdout: string }> {
  let stdout = '';
  const outcome = await runWinrsCommand(t, {
    command: 'powershell.exe',
    args: ['-NoProfile', '-NonInteractive', '-Command', "[Console]::Out.Write('hello from ' + $env:COMPUTERNAME)"],
    stdin: '',
    signal: new AbortController().signal,
    onStdout: (s) => (stdout += s),
    onStderr: () => {},
  });
  return { outcome, stdout };
}

/** Runs `work` with KRB5CCNAME (and more) set as given, the KDC's settings otherwise. */
async function withEnv<T>(over: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const undo = useKdcEnvironment(kdc, over);
  try {
    return await work();
  } finally {
    undo();
    useKdcEnvironment(kdc);
  }
}

describe('the service principal', () => {
  it('is HTTP/<address> as Windows clients ask, or HTTP/<spnHost> when the inventory names one', () => {
    expect(servicePrincipal({ address: 'fs01.corp.example' })).toBe('HTTP/fs01.corp.example');
    expect(servicePrincipal({ address: '10.1.2.3', spnHost: 'fs01.corp.example' })).toBe('HTTP/fs01.corp.example');
  });
});

describe("what GSSAPI says while getting a ticket, in one line with the fix", () => {
  const spn = 'HTTP/fs01.corp.example';
  it.each([
    ['No credentials were supplied, or the credentials were unavailable or inaccessible: SPNEGO cannot find mechanisms to negotiate', /^no Kerberos ticket on this controller: run kinit/],
    ['Unspecified GSS failure.  Minor code may provide more information: No Kerberos credentials available (default cache: FILE:/tmp/krb5cc_0)', /^no Kerberos ticket on this controller: run kinit/],
    ['Unspecified GSS failure.  Minor code may provide more information: Ticket expired', /^the Kerberos ticket has expired: run kinit again$/],
    ['Unspecified GSS failure.  Minor code may provide more information: Server HTTP/fs01.corp.example@CORP.EXAMPLE not found in Kerberos database', /^the KDC does not know the service principal HTTP\/fs01\.corp\.example@CORP\.EXAMPLE: set spnHost/],
    ['Unspecified GSS failure.  Minor code may provide more information: Server krbtgt/OTHER.EXAMPLE@CORP.EXAMPLE not found in Kerberos database', /^the KDC knows no path to the realm of HTTP\/fs01\.corp\.example .*\[domain_realm\]$/],
    ["Unspecified GSS failure.  Minor code may provide more information: Cannot contact any KDC for realm 'CORP.EXAMPLE'", /^cannot contact any KDC for realm CORP\.EXAMPLE /],
    ['Unspecified GSS failure.  Minor code may provide more information: Clock skew too great', /clock and the KDC's differ/],
    ['Unspecified GSS failure.  Minor code may provide more information: Something new', /^cannot get a ticket for HTTP\/fs01\.corp\.example: Something new$/],
  ])('%s', (message, expected) => {
    const line = ticketProblem(message, spn);
    expect(line).toMatch(expected);
    expect(line).not.toContain('\n');
  });
});

describe('Kerberos over HTTPS against fake-winrm, with a ticket from the loopback KDC', () => {
  it('runs a command with the ticket kinit left in the cache: no user, no password', async () => {
    const { outcome, stdout } = await run(target(A.krb01));
    expect(outcome).toEqual({ ok: true, exitCode: 0 });
    expect(stdout).toMatch(/^hello from /);
    expect(lab.fake.shellCount('krb01')).toBe(0);
  }, 60_000);

  it('gets its own ticket from a client keytab (KRB5_CLIENT_KTNAME) when the cache is empty', async () => {
    const { outcome } = await withEnv({ KRB5CCNAME: `FILE:${path.join(dir, 'robot.ccache')}`, KRB5_CLIENT_KTNAME: `FILE:${path.join(dir, 'robot.keytab')}` }, () => run(target(A.krb01)));
    expect(outcome).toEqual({ ok: true, exitCode: 0 });
  }, 60_000);

  it('without a ticket, is an auth failure that names Kerberos and kinit', async () => {
    const { outcome } = await withEnv({ KRB5CCNAME: `FILE:${path.join(dir, 'no-such.ccache')}` }, () => run(target(A.krb01)));
    expect(outcome).toEqual({
      ok: false, stage: 'auth',
      reason: 'authentication failed (Kerberos): no Kerberos ticket on this controller: run kinit (or point KRB5_CLIENT_KTNAME at a client keytab), then scan again',
    });
  });

  it('names a service principal the KDC does not know, and spnHost as the fix', async () => {
    const { outcome } = await run(target(A.krb01, { spnHost: 'nobody.lab.test' }));
    expect(outcome).toEqual({
      ok: false, stage: 'auth',
      reason: 'authentication failed (Kerberos): the KDC does not know the service principal HTTP/nobody.lab.test@LAB.TEST: set spnHost to the name the host is registered under (setspn -L <computer>)',
    });
  });

  it("says the service refused the ticket when it is another computer's", async () => {
    const { outcome } = await run(target(A.krb02));
    expect(outcome).toEqual({
      ok: false, stage: 'auth',
      reason: 'authentication failed (Kerberos): the service refused the ticket (the account may not log on over WinRM, or the service principal belongs to another computer)',
    });
  });

  it('refuses HTTP before connecting: the binding cannot seal bodies, so HTTPS or NTLM it is', async () => {
    const { outcome } = await run(target(A.krb01, { https: false, port: HTTP_PORT, tls: undefined }));
    expect(outcome).toEqual({
      ok: false, stage: 'auth',
      reason: 'Kerberos on HTTP needs message encryption, which the kerberos binding cannot do (it has no GSS wrap of arbitrary data); use HTTPS (useSsl) or NTLM',
    });
  });
});

describe('mutual authentication', () => {
  /** An HTTPS listener that takes any Authorization and answers 200 with `header` as its WWW-Authenticate. */
  async function liar(header?: string): Promise<{ port: number; close: () => Promise<void> }> {
    const server = https.createServer({ cert: certs.good.cert, key: certs.good.key }, (req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'application/soap+xml;charset=UTF-8', ...(header ? { 'WWW-Authenticate': header } : {}) });
        res.end('<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body/></s:Envelope>');
      });
    });
    await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, () => resolve()));
    return { port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
  }

  it.each([
    ['carries no token', undefined, /^authentication failed \(Kerberos\): HTTP\/krb01\.lab\.test did not prove its identity: its answer carries no mutual authentication token$/],
    ['carries a token that is not the service\'s', `Negotiate ${Buffer.from('forged').toString('base64')}`, /^authentication failed \(Kerberos\): mutual authentication with HTTP\/krb01\.lab\.test failed: /],
  ])('an answer that %s is refused, whatever it says', async (_what, header, reason) => {
    const server = await liar(header);
    try {
      const { outcome } = await run(target('127.0.0.1', { port: server.port, tls: { caFile: certs.caFile } }));
      expect(outcome).toMatchObject({ ok: false, stage: 'auth', reason: expect.stringMatching(reason) });
    } finally {
      await server.close();
    }
  });
});

describe('the winrm transport with auth kerberos', () => {
  function host(over: Partial<ResolvedHost> = {}): ResolvedHost {
    return {
      name: 'krb01', address: A.krb01, spnHost: 'krb01.lab.test', transport: 'winrm', port: HTTPS_PORT, shell: 'powershell.exe',
      subsystem: 'powershell', useSsl: true, auth: 'kerberos', caFile: lab.lab.caFile, skipCertificateCheck: false, lab: true,
      cloud: 'public', tags: [], connectTimeoutMs: 5000, vars: healthyInventoryVars(), ...over,
    };
  }
  const plan = () => ({ pack: loadPack('mars'), checkIds: CHECKS, deadlineMs: 90_000, checkBudgetMs: 20_000, bundleFor: packBundles('mars'), signal: new AbortController().signal });

  it('scans with the real pack and no user, password or credentialEnv, every selected check passing', async () => {
    const result = await scanHost(host(), winrmTransport({ secrets: new Map() }), plan());
    expect(result.status, result.reason).toBe('ok');
    expect(result.checks.map((c) => [c.id, c.status])).toEqual(CHECKS.map((id) => [id, 'pass']));
  }, 120_000);

  it('without a ticket the host is unreachable, with the reason in one line naming Kerberos and kinit', async () => {
    const result = await withEnv({ KRB5CCNAME: `FILE:${path.join(dir, 'no-such.ccache')}` }, () => scanHost(host(), winrmTransport({ secrets: new Map() }), plan()));
    expect([result.status, result.termination.reason]).toEqual(['unreachable', 'connect-failed']);
    expect(result.reason).toMatch(/^authentication failed \(Kerberos\): no Kerberos ticket on this controller: run kinit/);
  }, 60_000);
});
