import { describe, expect, it } from 'vitest';
import { describeFailure, redact, type WinrmFailure } from '../../../src/runner/winrm/winrm-errors.js';

const ctx = { where: 'web01.corp.example:5986', https: true };
const say = (f: WinrmFailure) => describeFailure(f, ctx);

describe('connection reasons', () => {
  it('tell a port nobody listens on from a name DNS does not know', () => {
    expect(say({ kind: 'network', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.0.0.5:5986' }).reason).toBe(
      'connection refused by web01.corp.example:5986: no WinRM listener on that port (Enable-PSRemoting creates HTTP 5985; HTTPS 5986 needs its own listener)',
    );
    expect(say({ kind: 'network', code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND web01.corp.example' }).reason).toBe('DNS: cannot resolve web01.corp.example');
  });

  it('say which step of connecting ran out of time', () => {
    expect(say({ kind: 'connect-timeout', phase: 'tcp', ms: 10_000 }).reason).toBe(
      'connect timed out: web01.corp.example:5986 did not accept a connection within 10 s (host down, or a firewall drops WinRM)',
    );
    expect(say({ kind: 'connect-timeout', phase: 'http', ms: 10_000 }).reason).toBe(
      'connected to web01.corp.example:5986, but nothing answered within 10 s (is it a WinRM listener?)',
    );
  });

  it('keep an unknown network error as Node words it, on one line', () => {
    expect(say({ kind: 'network', code: 'EWEIRD', message: 'first\nsecond' }).reason).toBe('cannot reach web01.corp.example:5986: first second');
  });
});

describe('authentication reasons', () => {
  it('name the scheme that was refused', () => {
    expect(say({ kind: 'unauthorized', scheme: 'NTLM', offered: ['Negotiate', 'Kerberos'] }).reason).toBe(
      'authentication failed (NTLM): the user name or password is incorrect, or the account may not log on over WinRM',
    );
    expect(say({ kind: 'unauthorized', scheme: 'Basic', offered: ['Basic', 'Negotiate'] }).reason).toMatch(/^authentication failed \(Basic\): the user name or password is incorrect/);
  });

  it('say when the service does not offer the scheme at all, which is Basic on a default Windows', () => {
    expect(say({ kind: 'unauthorized', scheme: 'Basic', offered: ['Negotiate', 'Kerberos'] }).reason).toBe(
      'authentication failed (Basic): the service does not offer it (it offers Negotiate, Kerberos; winrm/config/service/auth Basic=false)',
    );
  });
});

describe('WS-Management faults', () => {
  it('read as WSManFault <code>: the first line of its message, with the quota marked retryable', () => {
    const quota = say({
      kind: 'fault',
      status: 500,
      fault: {
        subcode: 'w:QuotaLimit',
        wsmanCode: 2150859173,
        message: 'The WS-Management service cannot process the request. This user is allowed a maximum number of 30 concurrent shells, which has been exceeded.\r\nClose existing shells.',
      },
    });
    expect(quota).toEqual({
      reason: 'WSManFault 2150859173: The WS-Management service cannot process the request. This user is allowed a maximum number of 30 concurrent shells, which has been exceeded.',
      wsmanCode: 2150859173,
      retryable: true,
    });
  });

  it('are not retryable when waiting would not change them', () => {
    expect(say({ kind: 'fault', status: 500, fault: { subcode: 'w:AccessDenied', wsmanCode: 5, message: 'Access is denied.' } })).toEqual({
      reason: 'WSManFault 5: Access is denied.',
      wsmanCode: 5,
      retryable: undefined,
    });
  });

  it('fall back to the SOAP subcode and reason when there is no WSManFault detail', () => {
    expect(say({ kind: 'fault', status: 500, fault: { code: 's:Sender', subcode: 'w:InvalidSelectors', reason: 'The ShellId is not valid.' } }).reason).toBe(
      'SOAP fault w:InvalidSelectors: The ShellId is not valid.',
    );
  });
});

describe('HTTP and content reasons', () => {
  it('give the status with what it means for WinRM, and mark 503 retryable', () => {
    expect(say({ kind: 'http-status', status: 404, statusText: 'Not Found' }).reason).toBe('HTTP 404 Not Found from web01.corp.example:5986: no WS-Management endpoint at /wsman');
    expect(say({ kind: 'http-status', status: 503, statusText: 'Service Unavailable' })).toMatchObject({ retryable: true });
    expect(say({ kind: 'http-status', status: 418, statusText: '' }).reason).toBe('HTTP 418 from web01.corp.example:5986');
  });

  it('say when the answer is not SOAP at all', () => {
    expect(say({ kind: 'not-soap', status: 200, contentType: 'text/html', detail: 'the answer is <html>, not a SOAP 1.2 envelope' }).reason).toBe(
      'the answer from web01.corp.example:5986 is not SOAP (HTTP 200, text/html): the answer is <html>, not a SOAP 1.2 envelope',
    );
  });

  it('name the operation that got no answer', () => {
    expect(say({ kind: 'response-timeout', ms: 35_000, operation: 'Receive' }).reason).toBe('web01.corp.example:5986 did not answer Receive within 35 s');
  });
});

describe('redact', () => {
  it('replaces every occurrence of the secret and leaves other text alone', () => {
    expect(redact('pw=Sup3r! and again Sup3r!', 'Sup3r!')).toBe('pw=*** and again ***');
    expect(redact('nothing here', '')).toBe('nothing here');
  });
});
