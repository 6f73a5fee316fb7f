import { decryptBody, encryptBody } from '../../runner/winrm/encryption.js';
import { NtlmServer, type NtlmSession } from '../../runner/winrm/ntlm/index.js';
import {
  authOffers, authRequired, badRequest, emptyOk, methodNotAllowed, negotiateChallenge, notFound, soapReply, SOAP_CONTENT_TYPE,
  unencryptedRefused, withAuthToken,
} from './http-replies.js';
import { header, type HttpRequest, type HttpResponse } from './http-wire.js';
import { acceptKerberos } from './kerberos-acceptor.js';
import { readWsmanRequest } from './soap-request.js';
import { FAULTS, faultEnvelope } from './responses.js';
import { dispatch, type HostRuntime } from './wsman-dispatch.js';

/** What one client connection carries between requests: NTLM and Kerberos authenticate the connection, not a request. */
export interface ConnectionState {
  id: number;
  secure: boolean;
  clientIp: string;
  /** The listener's certificate (DER) on HTTPS: NTLM from the client must bind to it. */
  certificate?: Buffer;
  /** Aborts when the socket closes. */
  closed: AbortSignal;
  ntlm?: NtlmServer;
  /** `session` seals bodies over HTTP (NTLM only). */
  authenticated?: { user: string; session?: NtlmSession };
}

/** `answer`: the Kerberos token the response to this request carries back (mutual authentication). */
type Caller = { user: string; session?: NtlmSession; answer?: { scheme: string; token: string } };

const NTLMSSP = Buffer.from('NTLMSSP\0', 'latin1');

function ntlmType(token: Buffer): number {
  return token.length >= 12 && token.subarray(0, 8).equals(NTLMSSP) ? token.readUInt32LE(8) : 0;
}

/** The account's password for an NTLM or Basic user name, if it is the host's account. */
function passwordFor(host: HostRuntime, user: string, domain: string): string | undefined {
  const { account, name } = host.config;
  const local = ['', '.', name.toLowerCase(), name.toUpperCase().slice(0, 15).toLowerCase()];
  if (user.toLowerCase() !== account.user.toLowerCase() || !local.includes(domain.toLowerCase())) return undefined;
  return account.password;
}

function newNtlmServer(host: HostRuntime): NtlmServer {
  const netbios = host.config.name.toUpperCase().slice(0, 15);
  return new NtlmServer({
    lookup: (user, domain) => passwordFor(host, user, domain),
    targetName: netbios, netbiosComputer: netbios, dnsComputer: host.config.name.toLowerCase(),
  });
}

/** A Kerberos logon to a host that has a service principal; any other host refuses it, as one outside a domain does. */
async function kerberosLogon(host: HostRuntime, conn: ConnectionState, scheme: string, value: string): Promise<Caller | undefined> {
  const service = host.config.kerberos?.service;
  if (!service) return undefined;
  const accepted = await acceptKerberos(service, value);
  if (!accepted.ok) return undefined;
  conn.authenticated = { user: accepted.user };
  return accepted.token ? { user: accepted.user, answer: { scheme, token: accepted.token } } : { user: accepted.user };
}

/**
 * Authenticates a request as WinRM does with Negotiate (raw NTLMSSP, or SPNEGO with Kerberos), Kerberos
 * and Basic on, and AllowUnencrypted=false: returns the caller, or the answer to send instead.
 */
async function authenticate(req: HttpRequest, host: HostRuntime, conn: ConnectionState): Promise<Caller | HttpResponse> {
  const offers = authOffers(host.config.basic);
  const auth = header(req, 'authorization');
  if (auth === undefined) return conn.authenticated ?? authRequired(offers);
  const [scheme = '', value = ''] = auth.split(/\s+/, 2);
  if (/^kerberos$/i.test(scheme)) return (await kerberosLogon(host, conn, 'Kerberos', value)) ?? authRequired(offers);
  if (/^negotiate$/i.test(scheme)) {
    const token = Buffer.from(value, 'base64');
    const type = ntlmType(token);
    // Not NTLMSSP: a GSS token (SPNEGO or Kerberos) under Negotiate.
    if (type === 0 && token.length > 0) return (await kerberosLogon(host, conn, 'Negotiate', value)) ?? authRequired(offers);
    if (type === 1) {
      conn.authenticated = undefined;
      conn.ntlm = newNtlmServer(host);
      try {
        return negotiateChallenge(conn.ntlm.challenge(token));
      } catch {
        return authRequired(offers);
      }
    }
    if (type !== 3 || !conn.ntlm) return authRequired(offers);
    const accepted = conn.ntlm.accept(token, conn.certificate ? { tlsServerCertificate: conn.certificate } : {});
    conn.ntlm = undefined;
    if (!accepted.ok) return authRequired(offers);
    conn.authenticated = { user: accepted.user, session: accepted.session };
    return conn.authenticated;
  }
  if (/^basic$/i.test(scheme) && host.config.basic) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const full = decoded.slice(0, colon);
    const slash = full.indexOf('\\');
    const [domain, user] = slash >= 0 ? [full.slice(0, slash), full.slice(slash + 1)] : ['', full];
    if (colon < 0 || passwordFor(host, user, domain) !== decoded.slice(colon + 1)) return authRequired(offers);
    return { user };
  }
  return authRequired(offers);
}

const SEALED = /^multipart\/(x-multi-)?encrypted/i;

/** Answers one HTTP request to a fake host: the 401 dance, message sealing, then WinRS. */
export async function handleRequest(req: HttpRequest, host: HostRuntime, conn: ConnectionState): Promise<HttpResponse> {
  if (req.target.split('?')[0]!.toLowerCase() !== '/wsman') return notFound();
  if (req.method !== 'POST') return methodNotAllowed();
  const caller = await authenticate(req, host, conn);
  if ('status' in caller) return caller;
  const answer = await answerRequest(req, host, conn, caller);
  return caller.answer ? withAuthToken(answer, caller.answer.scheme, caller.answer.token) : answer;
}

/** The answer to an authenticated request: sealing undone and redone, then WinRS. */
async function answerRequest(req: HttpRequest, host: HostRuntime, conn: ConnectionState, caller: Caller): Promise<HttpResponse> {
  if (req.body.length === 0) return emptyOk();
  const contentType = header(req, 'content-type') ?? '';
  const sealed = SEALED.test(contentType);
  if (!sealed && !conn.secure) return unencryptedRefused();
  let soap: Buffer;
  if (sealed) {
    if (!caller.session) return badRequest();
    try {
      soap = decryptBody(caller.session, req.body, contentType);
    } catch {
      return badRequest();
    }
  } else {
    soap = req.body;
  }
  const hostHeader = header(req, 'host') ?? `${host.config.address}`;
  const machine = hostHeader.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  const parsed = readWsmanRequest(soap.toString('utf8'));
  const answer = parsed.ok
    ? await dispatch(parsed.value, {
      host, user: caller.user, clientIp: conn.clientIp, connection: conn.id, machine, closed: conn.closed,
      listenerUrl: `${conn.secure ? 'https' : 'http'}://${hostHeader}/wsman`,
    })
    : { status: 500 as const, xml: faultEnvelope('', FAULTS.schemaValidation(), machine) };
  const xml = Buffer.from(answer.xml, 'utf8');
  if (!sealed) return soapReply(answer.status, xml, SOAP_CONTENT_TYPE);
  const out = encryptBody(caller.session!, xml, SOAP_CONTENT_TYPE);
  return soapReply(answer.status, out.body, out.contentType);
}
