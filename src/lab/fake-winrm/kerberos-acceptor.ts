import { gssServiceName, loadKerberos } from '../../runner/winrm/kerberos-binding.js';

/**
 * The service side of a Kerberos logon, with the same GSSAPI binding the client uses and the service's key
 * from the keytab (KRB5_KTNAME): a SPNEGO token under `Negotiate` or a raw Kerberos one under `Kerberos`
 * is accepted in one step, and the answer token (the AP-REP) goes back for the client to check.
 */

export type Accepted = { ok: true; user: string; token?: string } | { ok: false; why: string };

/** Accepts one initiator token (base64) for `service` (`HTTP/<fqdn>`). */
export async function acceptKerberos(service: string, token: string): Promise<Accepted> {
  const loaded = await loadKerberos();
  if (!loaded.ok) return { ok: false, why: loaded.message };
  try {
    const server = await loaded.binding.initializeServer(gssServiceName(service));
    await server.step(token);
    if (!server.contextComplete || !server.username) return { ok: false, why: 'the context did not complete' };
    return server.response ? { ok: true, user: server.username, token: server.response } : { ok: true, user: server.username };
  } catch (e) {
    return { ok: false, why: (e as Error).message };
  }
}
