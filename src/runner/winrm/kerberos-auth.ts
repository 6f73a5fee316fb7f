import { offeredSchemes, schemeToken, type FirstRequest } from './auth.js';
import type { HttpConnection, HttpReply, PostOptions } from './http-connection.js';
import { gssMessage, gssServiceName, loadKerberos } from './kerberos-binding.js';
import type { WinrmFailure } from './winrm-errors.js';
import type { WinrmTarget } from './winrm-target.js';

/**
 * Kerberos with the controller's own ticket (kinit, or a client keytab named by KRB5_CLIENT_KTNAME):
 * no password anywhere. The SPNEGO token for `HTTP/<host>` rides under `Authorization: Negotiate` with
 * the first real request, as Windows' own client sends it; the answer must carry the service's token,
 * which completes the context (mutual authentication), or nothing in it is trusted. Like NTLM, it
 * authenticates the connection, so later requests on it carry no header.
 */

/** The service principal asked for: `HTTP/<spnHost>`, else `HTTP/<address>` (what Windows clients ask). */
export function servicePrincipal(target: Pick<WinrmTarget, 'address' | 'spnHost'>): string {
  return `HTTP/${target.spnHost ?? target.address}`;
}

function failed(message: string): { ok: false; failure: WinrmFailure } {
  return { ok: false, failure: { kind: 'auth-protocol', scheme: 'Kerberos', message } };
}

/** One line for what GSSAPI said while getting the ticket, with the fix where the cause is known. */
export function ticketProblem(message: string, spn: string): string {
  const minor = gssMessage(message);
  if (/SPNEGO cannot find mechanisms|No Kerberos credentials available|No credentials cache found|credentials cache .*not found/i.test(minor)) {
    return 'no Kerberos ticket on this controller: run kinit (or point KRB5_CLIENT_KTNAME at a client keytab), then scan again';
  }
  if (/ticket expired/i.test(minor)) return 'the Kerberos ticket has expired: run kinit again';
  const unknown = /Server (\S+) not found in Kerberos database/.exec(minor);
  if (unknown?.[1]?.startsWith('krbtgt/')) {
    return `the KDC knows no path to the realm of ${spn} (${unknown[1]} not found): map the host's DNS domain to its realm in krb5.conf [domain_realm]`;
  }
  if (unknown) return `the KDC does not know the service principal ${unknown[1]}: set spnHost to the name the host is registered under (setspn -L <computer>)`;
  const kdc = /Cannot contact any KDC for realm '([^']*)'/.exec(minor);
  if (kdc) return `cannot contact any KDC for realm ${kdc[1]} (check [realms] in krb5.conf, or the DNS SRV records)`;
  if (/clock skew/i.test(minor)) return "the controller's clock and the KDC's differ by more than the allowed skew (5 minutes by default)";
  return `cannot get a ticket for ${spn}: ${minor}`;
}

/** Resolves with a promise's value, or with `undefined` once `signal` aborts (the binding cannot be cancelled). */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T | undefined> {
  if (!signal) return work;
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise<T | undefined>((resolve, reject) => {
    const onAbort = () => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export type KerberosResult = { ok: true; reply: HttpReply } | { ok: false; failure: WinrmFailure };

/** Gets the service ticket, sends it with `first`, and checks the service's answering token. */
export async function kerberosHandshake(
  conn: HttpConnection,
  target: Pick<WinrmTarget, 'address' | 'spnHost'>,
  first: FirstRequest,
  post: PostOptions,
  signal?: AbortSignal,
): Promise<KerberosResult> {
  const loaded = await loadKerberos();
  if (!loaded.ok) return { ok: false, failure: { kind: 'config', stage: 'auth', message: loaded.message } };
  const gss = loaded.binding;
  const spn = servicePrincipal(target);
  let token: string | null;
  let client: Awaited<ReturnType<typeof gss.initializeClient>>;
  try {
    const started = await unlessAborted(
      gss.initializeClient(gssServiceName(spn), { mechOID: gss.GSS_MECH_OID_SPNEGO, gssFlag: gss.GSS_C_MUTUAL_FLAG | gss.GSS_C_SEQUENCE_FLAG })
        .then(async (c) => ({ c, t: await c.step('') })),
      signal,
    );
    if (!started) return { ok: false, failure: { kind: 'aborted' } };
    ({ c: client, t: token } = started);
  } catch (e) {
    return failed(ticketProblem((e as Error).message, spn));
  }
  if (!token) return failed(`GSSAPI made no token for ${spn}`);
  const sent = await conn.post({ ...first.headers, Authorization: `Negotiate ${token}` }, first.body, post);
  if (!sent.ok) return sent;
  const { reply } = sent;
  if (reply.status === 401) return { ok: false, failure: { kind: 'unauthorized', scheme: 'Kerberos', offered: offeredSchemes(reply) } };
  const answer = schemeToken(reply, 'Negotiate');
  if (!answer) return failed(`${spn} did not prove its identity: its answer carries no mutual authentication token`);
  try {
    const done = await unlessAborted(client.step(answer.toString('base64')), signal);
    if (done === undefined) return { ok: false, failure: { kind: 'aborted' } };
  } catch (e) {
    return failed(`mutual authentication with ${spn} failed: ${gssMessage((e as Error).message)}`);
  }
  if (!client.contextComplete) return failed(`mutual authentication with ${spn} did not complete`);
  return { ok: true, reply };
}
