import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { acceptKerberos } from '../../../src/lab/fake-winrm/kerberos-acceptor.js';
import { loadKerberos, type KerberosBinding } from '../../../src/runner/winrm/kerberos-binding.js';
import { startKdc, useKdcEnvironment, type TestKdc } from '../../helpers/kdc.js';

// A real MIT KDC on loopback issues the tickets; the client side is the same binding fleet-scan uses.
const dir = mkdtempSync(path.join(tmpdir(), 'fw-krb-accept-'));
let kdc: TestKdc;
let gss: KerberosBinding;
let restore: () => void;

beforeAll(async () => {
  kdc = await startKdc(path.join(dir, 'kdc'));
  restore = useKdcEnvironment(kdc);
  kdc.addService('fs01.lab.test');
  kdc.addService('fs02.lab.test');
  kdc.kinit(kdc.addUser('scanner', 'scanner-pw-1'), 'scanner-pw-1');
  const loaded = await loadKerberos();
  if (!loaded.ok) throw new Error(loaded.message);
  gss = loaded.binding;
});
afterAll(async () => {
  restore?.();
  await kdc?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function clientToken(service: string, mechOID: number) {
  const client = await gss.initializeClient(service, { mechOID, gssFlag: gss.GSS_C_MUTUAL_FLAG });
  return { client, token: (await client.step(''))! };
}

describe('the fake host accepts Kerberos as a domain member does', () => {
  test("a SPNEGO token for the host's service principal logs on the ticket's user, and the answer token completes the client's context", async () => {
    const { client, token } = await clientToken('HTTP@fs01.lab.test', gss.GSS_MECH_OID_SPNEGO);
    const accepted = await acceptKerberos('HTTP/fs01.lab.test', token);
    expect(accepted).toMatchObject({ ok: true, user: 'scanner@LAB.TEST', token: expect.any(String) });
    expect(client.contextComplete).toBe(false);
    await client.step((accepted as { token: string }).token);
    expect(client.contextComplete).toBe(true);
  });

  test('a raw Kerberos token, as the Kerberos scheme carries it, is accepted too', async () => {
    const { token } = await clientToken('HTTP@fs01.lab.test', gss.GSS_MECH_OID_KRB5);
    // An InitialContextToken naming the Kerberos mechanism (1.2.840.113554.1.2.2), not SPNEGO's.
    expect(Buffer.from(token, 'base64').subarray(0, 15).toString('hex')).toMatch(/^60[0-9a-f]{6}06092a864886f712010202$/);
    expect(await acceptKerberos('HTTP/fs01.lab.test', token)).toMatchObject({ ok: true, user: 'scanner@LAB.TEST' });
  });

  test('a ticket for another service principal is refused, though its key is in the same keytab', async () => {
    const { token } = await clientToken('HTTP@fs02.lab.test', gss.GSS_MECH_OID_SPNEGO);
    expect(await acceptKerberos('HTTP/fs01.lab.test', token)).toMatchObject({ ok: false, why: expect.stringMatching(/\S/) });
  });

  test('a token that is not Kerberos at all is refused', async () => {
    expect(await acceptKerberos('HTTP/fs01.lab.test', Buffer.from('not a ticket').toString('base64'))).toMatchObject({ ok: false });
  });
});
