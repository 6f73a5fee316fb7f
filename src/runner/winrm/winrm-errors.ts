import { reasonLine } from '../../record/one-line.js';
import type { SoapFault } from './soap-response.js';

/**
 * Every way a WinRM exchange can fail, as data; `describeFailure` turns one into the one-line reason a
 * report shows, in the words Windows' own client (Enter-PSSession, winrs) and Ansible use where they exist.
 */
export type WinrmFailure =
  | { kind: 'network'; code: string; message: string }
  | { kind: 'connect-timeout'; phase: 'tcp' | 'tls' | 'http'; ms: number }
  | { kind: 'tls'; code: string; message: string }
  | { kind: 'pin-mismatch'; sha1: string; sha256: string }
  | { kind: 'config'; stage: 'connect' | 'auth'; message: string }
  | { kind: 'internal'; message: string }
  | { kind: 'unauthorized'; scheme: 'NTLM' | 'Basic' | 'Kerberos'; offered: string[] }
  | { kind: 'auth-protocol'; scheme: 'NTLM' | 'Kerberos'; message: string }
  | { kind: 'fault'; status: number; fault: SoapFault }
  | { kind: 'http-status'; status: number; statusText: string }
  | { kind: 'not-soap'; status: number; contentType: string; detail: string }
  | { kind: 'response-timeout'; ms: number; operation: string }
  | { kind: 'closed'; during: string }
  | { kind: 'too-large'; limit: number }
  | { kind: 'aborted' };

export interface FailureReason {
  reason: string;
  wsmanCode?: number;
  retryable?: boolean;
}

/** Where the connection went: `host:port` for the reason's subject. */
export interface FailureContext {
  where: string;
  https: boolean;
}

/** WSManFault codes for quotas that clear when other shells or operations end: worth a later retry. */
const RETRYABLE_WSMAN = new Set([
  2150859173, // ERROR_WSMAN_QUOTA_MAX_SHELLS
  2150859174, // ERROR_WSMAN_QUOTA_MAX_OPERATIONS
  2150859176, // ERROR_WSMAN_QUOTA_SYSTEM
  2150859179, // ERROR_WSMAN_QUOTA_MAX_SHELLUSERS
  2150859236, // ERROR_WSMAN_QUOTA_MAX_SHELLS_PPQ
  2150859241, // ERROR_WSMAN_QUOTA_MAX_COMMANDS_PER_SHELL_PPQ
]);

const NETWORK: Record<string, (where: string, message: string) => string> = {
  ECONNREFUSED: (w) => `connection refused by ${w}: no WinRM listener on that port (Enable-PSRemoting creates HTTP 5985; HTTPS 5986 needs its own listener)`,
  ENOTFOUND: (w, m) => `DNS: cannot resolve ${hostOf(w, m)}`,
  EAI_AGAIN: (w, m) => `DNS: temporary failure resolving ${hostOf(w, m)}`,
  EHOSTUNREACH: (w) => `no route to host ${w}`,
  ENETUNREACH: (w) => `network unreachable for ${w}`,
  ECONNRESET: (w) => `connection reset by ${w}`,
  EPIPE: (w) => `connection closed by ${w} while sending`,
  ETIMEDOUT: (w) => `connect timed out to ${w}`,
};

function hostOf(where: string, message: string): string {
  return message.match(/getaddrinfo \S+ (\S+)/)?.[1] ?? where.replace(/:\d+$/, '');
}

/** The certificate problems Node's TLS reports, in the WinRM client's own wording. */
const TLS: ReadonlyArray<[RegExp, string]> = [
  [/^DEPTH_ZERO_SELF_SIGNED_CERT$/, 'the SSL certificate is self-signed (signed by an unknown certificate authority); give its CA with caFile or pin its thumbprint'],
  [/^SELF_SIGNED_CERT_IN_CHAIN$/, 'the SSL certificate is signed by an unknown certificate authority (a self-signed root not in the trusted CAs)'],
  [/^(UNABLE_TO_GET_ISSUER_CERT_LOCALLY|UNABLE_TO_GET_ISSUER_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE)$/, 'the SSL certificate is signed by an unknown certificate authority'],
  [/^CERT_HAS_EXPIRED$/, 'the SSL certificate is expired'],
  [/^CERT_NOT_YET_VALID$/, 'the SSL certificate is not yet valid (check the clocks)'],
  [/^ERR_TLS_CERT_ALTNAME_INVALID$/, 'the SSL certificate contains a common name (CN) that does not match the hostname'],
  [/^CERT_REVOKED$/, 'the SSL certificate is revoked'],
  [/^INVALID_PURPOSE$/, 'the SSL certificate is not meant for server authentication (its key usage)'],
  [/^(CERT_SIGNATURE_FAILURE|CERT_UNTRUSTED|CERT_REJECTED|INVALID_CA)$/, 'the SSL certificate is not trusted'],
];

/** `10 s`, `0.3 s`: a tenth of a second is as fine as these bounds are set. */
function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** The first line of a WinRM message, which is the sentence that says what happened. */
function firstLine(text: string): string {
  return text.split(/\r?\n/).map((l) => l.trim()).find((l) => l) ?? '';
}

function faultReason(f: SoapFault): string {
  const text = firstLine(f.message ?? f.reason ?? '');
  if (f.wsmanCode !== undefined) return `WSManFault ${f.wsmanCode}: ${text || f.subcode || 'no message'}`;
  const what = f.subcode ?? f.code ?? 'unknown code';
  return `SOAP fault ${what}${text ? `: ${text}` : ''}`;
}

const HTTP_HINT: Record<number, string> = {
  400: 'the service refused the request as malformed',
  403: 'forbidden (the listener may require a client certificate or refuse this address)',
  404: 'no WS-Management endpoint at /wsman',
  411: 'the service wanted a Content-Length',
  413: 'the envelope is larger than the service accepts (MaxEnvelopeSizekb)',
  415: 'the service refused the content type (an HTTP listener with AllowUnencrypted=false wants sealed bodies)',
  500: 'the service failed without a WS-Management fault',
  503: 'the WinRM service is unavailable (starting, stopping or overloaded)',
};

function unauthorized(f: Extract<WinrmFailure, { kind: 'unauthorized' }>): string {
  // NTLM and Kerberos both travel under Negotiate.
  const config = f.scheme === 'Basic' ? 'Basic' : 'Negotiate';
  const offered = f.offered.map((o) => o.toLowerCase());
  if (offered.length && !offered.includes(config.toLowerCase())) {
    const what = f.scheme === 'Kerberos' ? 'Negotiate' : 'it';
    return `authentication failed (${f.scheme}): the service does not offer ${what} (it offers ${f.offered.join(', ')}; winrm/config/service/auth ${config}=false)`;
  }
  if (f.scheme === 'Basic') {
    return 'authentication failed (Basic): the user name or password is incorrect, or the account may not log on over WinRM (Basic takes local accounts only)';
  }
  if (f.scheme === 'Kerberos') {
    return 'authentication failed (Kerberos): the service refused the ticket (the account may not log on over WinRM, or the service principal belongs to another computer)';
  }
  return 'authentication failed (NTLM): the user name or password is incorrect, or the account may not log on over WinRM';
}

/** One line that says what failed and, where the cause is known, what to change. */
export function describeFailure(f: WinrmFailure, ctx: FailureContext): FailureReason {
  const { where } = ctx;
  switch (f.kind) {
    case 'network': {
      const say = NETWORK[f.code];
      return { reason: reasonLine(say ? say(where, f.message) : `cannot reach ${where}: ${f.message}`) };
    }
    case 'connect-timeout': {
      const s = seconds(f.ms);
      if (f.phase === 'tcp') return { reason: `connect timed out: ${where} did not accept a connection within ${s} (host down, or a firewall drops WinRM)` };
      if (f.phase === 'tls') return { reason: `connected to ${where}, but the TLS handshake did not finish within ${s}` };
      return { reason: `connected to ${where}, but nothing answered within ${s} (is it a WinRM listener?)` };
    }
    case 'tls': {
      const known = TLS.find(([re]) => re.test(f.code));
      if (known) return { reason: reasonLine(`TLS: the server certificate of ${where} has this error: ${known[1]}`) };
      if (/wrong version number|unknown protocol|packet length too long/i.test(f.message)) {
        return { reason: `TLS: ${where} does not speak TLS (is it the HTTP port? WinRM's HTTPS default is 5986)` };
      }
      return { reason: reasonLine(`TLS: handshake with ${where} failed: ${f.message}`) };
    }
    case 'pin-mismatch':
      return { reason: `TLS: the server certificate of ${where} does not match the pinned certThumbprint (its SHA-1 thumbprint is ${f.sha1})` };
    case 'config':
      return { reason: reasonLine(f.message) };
    case 'internal':
      return { reason: reasonLine(`fleet-scan's WinRM client failed: ${f.message}`) };
    case 'unauthorized':
      return { reason: unauthorized(f) };
    case 'auth-protocol':
      return { reason: reasonLine(`authentication failed (${f.scheme}): ${f.message}`) };
    case 'fault':
      return {
        reason: reasonLine(faultReason(f.fault)),
        wsmanCode: f.fault.wsmanCode,
        retryable: f.fault.wsmanCode !== undefined && RETRYABLE_WSMAN.has(f.fault.wsmanCode) ? true : undefined,
      };
    case 'http-status': {
      const hint = HTTP_HINT[f.status];
      const status = `HTTP ${f.status}${f.statusText ? ` ${f.statusText}` : ''}`;
      return { reason: reasonLine(`${status} from ${where}${hint ? `: ${hint}` : ''}`), retryable: f.status === 503 ? true : undefined };
    }
    case 'not-soap':
      return { reason: reasonLine(`the answer from ${where} is not SOAP (HTTP ${f.status}, ${f.contentType || 'no content type'}): ${f.detail}`) };
    case 'response-timeout':
      return { reason: `${where} did not answer ${f.operation} within ${seconds(f.ms)}` };
    case 'closed':
      return { reason: `connection closed by ${where} during ${f.during}` };
    case 'too-large':
      return { reason: `the answer from ${where} is larger than ${f.limit} bytes` };
    case 'aborted':
      return { reason: 'stopped: deadline or interrupt' };
  }
}

/** Replaces every occurrence of a secret; a last net under every reason that leaves this module. */
export function redact(text: string, secret: string): string {
  if (!secret) return text;
  return text.split(secret).join('***');
}
