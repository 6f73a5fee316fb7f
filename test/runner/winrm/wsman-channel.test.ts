import { describe, expect, it } from 'vitest';
import { commandResponse, deleteResponse, faultEnvelope, FAULTS } from '../../../src/lab/fake-winrm/responses.js';
import { commandMessage, deleteShellMessage, type SessionHeaders } from '../../../src/runner/winrm/soap-messages.js';
import type { WinrmTarget } from '../../../src/runner/winrm/winrm-target.js';
import { WsmanChannel } from '../../../src/runner/winrm/wsman-channel.js';
import { scriptedWsmanSuite, type Answer, type ScriptedWsman, type WsmanCall } from './helpers/scripted-wsman.js';

const SHELL = '0A3F6C2E-1B2D-4E5F-8A9B-0C1D2E3F4A5B';
const OPTS = { timeoutMs: 2_000, operation: 'Delete' };

const suite = scriptedWsmanSuite();
let server: ScriptedWsman | undefined;

async function serve(answer: (call: WsmanCall) => Answer): Promise<{ target: WinrmTarget; headers: SessionHeaders }> {
  server = await suite.start({ user: 'scan', password: 'pw', answer });
  const caFile = suite.certs().caFile;
  const target: WinrmTarget = { address: '127.0.0.1', port: server.port, https: true, auth: 'basic', user: 'scan', password: 'pw', tls: { caFile }, connectTimeoutMs: 2_000 };
  return { target, headers: { to: `https://127.0.0.1:${server.port}/wsman`, operationTimeoutS: 20 } };
}

describe('an exchange', () => {
  it('sends SOAP as application/soap+xml in UTF-8 with Basic on every request over HTTPS', async () => {
    const { target, headers } = await serve((c) => ({ xml: deleteResponse(c.messageId) }));
    const channel = new WsmanChannel(target);
    expect((await channel.exchange(deleteShellMessage(headers, SHELL), OPTS)).ok).toBe(true);
    expect((await channel.exchange(deleteShellMessage(headers, SHELL), OPTS)).ok).toBe(true);
    channel.close();
    expect(server!.calls.map((c) => [c.headers['content-type'], c.headers.authorization?.split(' ')[0]])).toEqual([
      ['application/soap+xml;charset=UTF-8', 'Basic'],
      ['application/soap+xml;charset=UTF-8', 'Basic'],
    ]);
  });

  it('opens a new connection when the server closed the idle one, and goes on', async () => {
    let n = 0;
    const { target, headers } = await serve((c) => (++n === 2 ? { drop: true } : { xml: deleteResponse(c.messageId) }));
    const channel = new WsmanChannel(target);
    expect((await channel.exchange(deleteShellMessage(headers, SHELL), OPTS)).ok).toBe(true);
    // The drop happens during the second request: that one fails, the third reconnects.
    expect(await channel.exchange(deleteShellMessage(headers, SHELL), OPTS)).toEqual({ ok: false, failure: { kind: 'closed', during: 'Delete' } });
    expect((await channel.exchange(deleteShellMessage(headers, SHELL), OPTS)).ok).toBe(true);
    channel.close();
    expect(server!.calls.map((c) => c.connection)).toEqual([1, 1, 2]);
  });

  it('turns a SOAP fault into a fault failure with the HTTP status', async () => {
    const { target, headers } = await serve((c) => ({ xml: faultEnvelope(c.messageId, FAULTS.shellNotFound(SHELL), 'web01'), status: 500 }));
    const r = await new WsmanChannel(target).exchange(deleteShellMessage(headers, SHELL), OPTS);
    expect(r).toMatchObject({ ok: false, failure: { kind: 'fault', status: 500, fault: { subcode: 'w:InvalidSelectors', wsmanCode: 2150858843 } } });
  });

  it('calls a 500 without SOAP an HTTP failure, and a 200 without SOAP not SOAP', async () => {
    let status = 500;
    const { target, headers } = await serve(() => ({ raw: 'Internal Server Error', status }));
    const channel = new WsmanChannel(target);
    expect(await channel.exchange(deleteShellMessage(headers, SHELL), OPTS)).toEqual({ ok: false, failure: { kind: 'http-status', status: 500, statusText: 'Internal Server Error' } });
    status = 200;
    expect(await channel.exchange(deleteShellMessage(headers, SHELL), OPTS)).toMatchObject({ ok: false, failure: { kind: 'not-soap', status: 200, contentType: 'text/html' } });
    channel.close();
  });

  it('refuses an answer whose RelatesTo names another request', async () => {
    const { target, headers } = await serve(() => ({ xml: commandResponse('uuid:00000000-0000-4000-8000-000000000000', 'X') }));
    const r = await new WsmanChannel(target).exchange(commandMessage(headers, SHELL, 'hostname', []), OPTS);
    expect(r).toMatchObject({ ok: false, failure: { kind: 'not-soap', detail: 'its RelatesTo names another request' } });
  });
});
