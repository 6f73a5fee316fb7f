import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { loadKerberos, type KerberosBinding } from '../../../src/runner/winrm/kerberos-binding.js';
import { startKdc, useKdcEnvironment, type TestKdc } from '../../helpers/kdc.js';
import { headerValues, RawConnection } from './helpers/raw-http.js';
import { HTTPS_PORT, startTestFake, type TestFake } from './helpers/test-fake.js';

// Kerberos logons at the HTTP level, byte for byte: a real KDC's tickets, the fake's answers.
// Addresses 127.72.0.x belong to this file.
const A = { member: '127.72.0.1', workgroup: '127.72.0.2' };

const root = mkdtempSync(path.join(tmpdir(), 'fw-endpoint-krb-'));
let kdc: TestKdc;
let gss: KerberosBinding;
let t: TestFake;
let restore: () => void;

beforeAll(async () => {
  kdc = await startKdc(path.join(root, 'kdc'));
  restore = useKdcEnvironment(kdc);
  kdc.addService('member.lab.test');
  kdc.addService('workgroup.lab.test');
  kdc.kinit(kdc.addUser('scanner', 'scanner-pw-1'), 'scanner-pw-1');
  const loaded = await loadKerberos();
  if (!loaded.ok) throw new Error(loaded.message);
  gss = loaded.binding;
  t = await startTestFake(path.join(root, 'lab'), [
    { name: 'member', address: A.member, kerberos: 'HTTP/member.lab.test' },
    { name: 'workgroup', address: A.workgroup },
  ]);
});
afterEach(() => RawConnection.closeAll());
afterAll(async () => {
  await t?.fake.close();
  restore?.();
  await kdc?.stop();
  rmSync(root, { recursive: true, force: true });
});

const names = (res: { headers: [string, string][] }) => res.headers.map(([k]) => k);

async function token(service: string, mechOID: number) {
  const client = await gss.initializeClient(service, { mechOID, gssFlag: gss.GSS_C_MUTUAL_FLAG });
  return { client, token: (await client.step(''))! };
}

describe('Kerberos logons, as a domain member answers them', () => {
  test('a raw Kerberos token under Kerberos gets 200 with the AP-REP under Kerberos right before Server, and the connection stays logged on', async () => {
    const { client, token: t1 } = await token('HTTP@member.lab.test', gss.GSS_MECH_OID_KRB5);
    const c = await RawConnection.open(A.member, HTTPS_PORT, { ca: t.ca });
    const res = await c.request([['Authorization', `Kerberos ${t1}`]]);
    expect([res.statusLine, names(res)]).toEqual(['HTTP/1.1 200 ', ['WWW-Authenticate', 'Server', 'Date', 'Content-Length']]);
    const answer = headerValues(res, 'WWW-Authenticate')[0]!;
    expect(answer).toMatch(/^Kerberos [A-Za-z0-9+/]+=*$/);
    await client.step(answer.slice('Kerberos '.length));
    expect(client.contextComplete).toBe(true);
    const again = await c.request([]);
    expect([again.statusLine, headerValues(again, 'WWW-Authenticate')]).toEqual(['HTTP/1.1 200 ', []]);
  });

  test('a SPNEGO token under Negotiate gets its answer under Negotiate', async () => {
    const { client, token: t1 } = await token('HTTP@member.lab.test', gss.GSS_MECH_OID_SPNEGO);
    const c = await RawConnection.open(A.member, HTTPS_PORT, { ca: t.ca });
    const res = await c.request([['Authorization', `Negotiate ${t1}`]]);
    expect(res.status).toBe(200);
    const answer = headerValues(res, 'WWW-Authenticate')[0]!;
    expect(answer).toMatch(/^Negotiate /);
    await client.step(answer.slice('Negotiate '.length));
    expect(client.contextComplete).toBe(true);
  });

  test('a host that is no domain member offers Kerberos and refuses every ticket with the 401 that closes the connection', async () => {
    const { token: t1 } = await token('HTTP@workgroup.lab.test', gss.GSS_MECH_OID_SPNEGO);
    const c = await RawConnection.open(A.workgroup, HTTPS_PORT, { ca: t.ca });
    const res = await c.request([['Authorization', `Negotiate ${t1}`]]);
    expect([res.statusLine, headerValues(res, 'WWW-Authenticate'), headerValues(res, 'Connection')]).toEqual([
      'HTTP/1.1 401 ', ['Negotiate', 'Basic realm="WSMAN"', 'Kerberos'], ['close'],
    ]);
    expect(await c.closedWithin(2000)).toBe(true);
  });
});
