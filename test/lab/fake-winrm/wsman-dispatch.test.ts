import { afterEach, describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/lab/fake-winrm/config.js';
import { ACTION, NS } from '../../../src/lab/fake-winrm/namespaces.js';
import { ShellTable } from '../../../src/lab/fake-winrm/shells.js';
import { readWsmanRequest } from '../../../src/lab/fake-winrm/soap-request.js';
import { dispatch, type DispatchContext, type HostRuntime } from '../../../src/lab/fake-winrm/wsman-dispatch.js';
import { child, childrenNamed, parseXml, type XmlElement } from '../../../src/lab/fake-winrm/xml-reader.js';
import { alive } from '../../helpers/lab-processes.js';
import { requestEnvelope } from './helpers/winrs-session.js';

// `powershell.exe <script>` runs /bin/sh -c <script> here: the mapping to pwsh has its own tests, and sh
// starts in milliseconds. The server tests run the real pwsh.
const SH_AS_POWERSHELL = { dotnet: '/bin/sh', dll: '-c' };

const tables: ShellTable[] = [];
afterEach(async () => {
  await Promise.all(tables.splice(0).map((t) => t.closeAll()));
});

function context(host: Record<string, unknown> = {}): DispatchContext {
  const config = resolveConfig({
    pwsh: SH_AS_POWERSHELL,
    hosts: [{ name: 'fs01', address: '127.0.0.2', dir: '/', listeners: [{ port: 5985 }], account: { user: 'labadmin', password: 'p' }, ...host }],
  });
  if (!config.ok) throw new Error(config.message);
  const shells = new ShellTable({ orphanTimeoutMs: 60_000 });
  tables.push(shells);
  const runtime: HostRuntime = { config: config.value.hosts[0]!, shells, pwsh: SH_AS_POWERSHELL, env: { PATH: '/usr/bin:/bin', FROM_LAB: 'yes' } };
  return {
    host: runtime, user: 'labadmin', clientIp: '127.0.0.1', connection: 1, listenerUrl: 'http://127.0.0.2:5985/wsman',
    machine: '127.0.0.2', closed: new AbortController().signal,
  };
}

async function call(ctx: DispatchContext, action: string, body: string, o: { shellId?: string; timeout?: string } = {}) {
  const req = readWsmanRequest(requestEnvelope(action, body, o));
  if (!req.ok) throw new Error(req.message);
  const answer = await dispatch(req.value, ctx);
  const xml = parseXml(answer.xml);
  if (!xml.ok) throw new Error(xml.message);
  const b = child(xml.value, NS.s, 'Body')!;
  return { status: answer.status, body: b.children[0], all: b, text: answer.xml };
}

const faultCodeOf = (body: XmlElement | undefined) => child(child(body, NS.s, 'Detail'), NS.f, 'WSManFault')?.attrs.Code;

async function shellOf(ctx: DispatchContext, createBody = '<rsp:Shell><rsp:InputStreams>stdin</rsp:InputStreams><rsp:OutputStreams>stdout stderr</rsp:OutputStreams></rsp:Shell>') {
  const r = await call(ctx, ACTION.create, createBody);
  return child(child(r.all, NS.rsp, 'Shell'), NS.rsp, 'ShellId')!.text;
}

async function commandOf(ctx: DispatchContext, shellId: string, script: string) {
  const r = await call(ctx, ACTION.command,
    `<rsp:CommandLine><rsp:Command>powershell.exe</rsp:Command><rsp:Arguments>"${script}"</rsp:Arguments></rsp:CommandLine>`, { shellId });
  return child(r.body, NS.rsp, 'CommandId')!.text;
}

const receive = (ctx: DispatchContext, shellId: string, id: string, timeout = 'PT10S') =>
  call(ctx, ACTION.receive, `<rsp:Receive><rsp:DesiredStream CommandId="${id}">stdout stderr</rsp:DesiredStream></rsp:Receive>`, { shellId, timeout });

async function receiveAll(ctx: DispatchContext, shellId: string, id: string) {
  let stdout = '';
  for (;;) {
    const r = await receive(ctx, shellId, id);
    for (const s of childrenNamed(r.body, NS.rsp, 'Stream')) if (s.attrs.Name === 'stdout') stdout += Buffer.from(s.text, 'base64').toString();
    const state = child(r.body, NS.rsp, 'CommandState')!;
    if (state.attrs.State!.endsWith('/Done')) return { stdout, exitCode: Number(child(state, NS.rsp, 'ExitCode')!.text) };
  }
}

describe('WinRS dispatch', () => {
  test('Create answers ResourceCreated with an upper-case ShellId, owned by the caller, from the caller\'s address', async () => {
    const ctx = context();
    const r = await call(ctx, ACTION.create, '<rsp:Shell><rsp:InputStreams>stdin</rsp:InputStreams><rsp:OutputStreams>stdout stderr</rsp:OutputStreams></rsp:Shell>');
    const shell = child(r.all, NS.rsp, 'Shell')!;
    expect(r.status).toBe(200);
    expect(r.body?.name).toBe('ResourceCreated');
    expect(child(shell, NS.rsp, 'ShellId')!.text).toMatch(/^[0-9A-F-]{36}$/);
    expect([child(shell, NS.rsp, 'Owner')!.text, child(shell, NS.rsp, 'ClientIP')!.text]).toEqual(['labadmin', '127.0.0.1']);
  });

  test('the client\'s IdleTimeOut is kept and echoed as Windows writes durations', async () => {
    const ctx = context();
    const r = await call(ctx, ACTION.create, '<rsp:Shell><rsp:InputStreams>stdin</rsp:InputStreams><rsp:OutputStreams>stdout stderr</rsp:OutputStreams><rsp:IdleTimeOut>PT300S</rsp:IdleTimeOut></rsp:Shell>');
    expect(child(child(r.all, NS.rsp, 'Shell'), NS.rsp, 'IdleTimeOut')!.text).toBe('PT300.000S');
  });

  test('past MaxShellsPerUser, Create answers the w:QuotaLimit fault; a quota host is full from the start', async () => {
    const ctx = context({ maxShellsPerUser: 1 });
    expect((await call(ctx, ACTION.create, '<rsp:Shell/>')).status).toBe(200);
    const second = await call(ctx, ACTION.create, '<rsp:Shell/>');
    expect([second.status, faultCodeOf(second.body)]).toEqual([500, '2150859173']);
    const quota = await call(context({ behaviour: 'quota' }), ACTION.create, '<rsp:Shell/>');
    expect([quota.status, faultCodeOf(quota.body)]).toEqual([500, '2150859173']);
    expect(quota.text).toContain('maximum number of 30 concurrent shells');
  });

  test('a request for a shell that does not exist gets w:InvalidSelectors naming the ShellId', async () => {
    const r = await call(context(), ACTION.command, '<rsp:CommandLine><rsp:Command>x</rsp:Command></rsp:CommandLine>', { shellId: 'NOPE' });
    expect([r.status, faultCodeOf(r.body)]).toEqual([500, '2150858843']);
    expect(r.text).toContain('ShellId NOPE failed because the shell was not found');
  });

  test('stdin sent with End reaches the command, whose output and exit code come back, then it is gone', async () => {
    const ctx = context();
    const shellId = await shellOf(ctx);
    const id = await commandOf(ctx, shellId, 'cat; exit 4');
    await call(ctx, ACTION.send, `<rsp:Send><rsp:Stream Name="stdin" CommandId="${id}">${Buffer.from('ping').toString('base64')}</rsp:Stream></rsp:Send>`, { shellId });
    await call(ctx, ACTION.send, `<rsp:Send><rsp:Stream Name="stdin" CommandId="${id}" End="true">${Buffer.from('pong').toString('base64')}</rsp:Stream></rsp:Send>`, { shellId });
    expect(await receiveAll(ctx, shellId, id)).toEqual({ stdout: 'pingpong', exitCode: 4 });
    const again = await receive(ctx, shellId, id);
    expect([again.status, faultCodeOf(again.body)]).toEqual([500, '2150858843']);
  });

  test('a Receive with nothing to say within OperationTimeout gets w:TimedOut (2150858793), and not before', async () => {
    const ctx = context();
    const shellId = await shellOf(ctx);
    const id = await commandOf(ctx, shellId, 'sleep 30');
    const started = Date.now();
    const r = await receive(ctx, shellId, id, 'PT0.4S');
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect([r.status, child(child(child(r.body, NS.s, 'Code'), NS.s, 'Subcode'), NS.s, 'Value')?.text, faultCodeOf(r.body)]).toEqual([500, 'w:TimedOut', '2150858793']);
  });

  test('output beyond MaxEnvelopeSize comes in pieces, Running until the last', async () => {
    const ctx = context();
    const shellId = await shellOf(ctx);
    const id = await commandOf(ctx, shellId, 'head -c 300000 /dev/zero');
    let pieces = 0;
    let bytes = 0;
    for (;;) {
      const r = await receive(ctx, shellId, id);
      expect(r.text.length).toBeLessThanOrEqual(153_600);
      pieces++;
      for (const s of childrenNamed(r.body, NS.rsp, 'Stream')) bytes += Buffer.from(s.text, 'base64').length;
      if (child(r.body, NS.rsp, 'CommandState')!.attrs.State!.endsWith('/Done')) break;
    }
    expect(bytes).toBe(300_000);
    expect(pieces).toBeGreaterThanOrEqual(3);
  });

  test('variables of the Create request reach every command, over the lab\'s own', async () => {
    const ctx = context();
    const shellId = await shellOf(ctx, '<rsp:Shell><rsp:Environment><rsp:Variable Name="GREETING">hello</rsp:Variable></rsp:Environment></rsp:Shell>');
    const id = await commandOf(ctx, shellId, 'echo $GREETING $FROM_LAB');
    expect(await receiveAll(ctx, shellId, id)).toEqual({ stdout: 'hello yes\n', exitCode: 0 });
  });

  test('Signal terminate kills the command and forgets it; Delete kills what is left and forgets the shell', async () => {
    const ctx = context();
    const shellId = await shellOf(ctx);
    const a = await commandOf(ctx, shellId, 'sleep 60');
    const b = await commandOf(ctx, shellId, 'sleep 60');
    const [pa, pb] = [a, b].map((id) => ctx.host.shells.use(shellId, 1)!.commands.get(id)!.pid!);
    const sig = await call(ctx, ACTION.signal, `<rsp:Signal CommandId="${a}"><rsp:Code>http://schemas.microsoft.com/wbem/wsman/1/windows/shell/signal/terminate</rsp:Code></rsp:Signal>`, { shellId });
    expect([sig.status, sig.body?.name, alive(pa!), alive(pb!)]).toEqual([200, 'SignalResponse', false, true]);
    expect(faultCodeOf((await receive(ctx, shellId, a)).body)).toBe('2150858843');
    const del = await call(ctx, ACTION.delete, '', { shellId });
    expect([del.status, alive(pb!), ctx.host.shells.size]).toEqual([200, false, 0]);
  });

  test('Signal ctrl_c ends the command with STATUS_CONTROL_C_EXIT, which Receive then reports', async () => {
    const ctx = context();
    const shellId = await shellOf(ctx);
    const id = await commandOf(ctx, shellId, 'sleep 60');
    await call(ctx, ACTION.signal, `<rsp:Signal CommandId="${id}"><rsp:Code>http://schemas.microsoft.com/wbem/wsman/1/windows/shell/signal/ctrl_c</rsp:Code></rsp:Signal>`, { shellId });
    expect((await receiveAll(ctx, shellId, id)).exitCode).toBe(3221225786);
  });

  test('a slow host answers each Receive late', async () => {
    const ctx = context({ behaviour: 'slow', slowReceiveMs: 500 });
    const shellId = await shellOf(ctx);
    const id = await commandOf(ctx, shellId, 'echo hi');
    const started = Date.now();
    await receive(ctx, shellId, id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(490);
  });

  test('actions outside WinRS are refused as not supported', async () => {
    const r = await call(context(), 'http://schemas.xmlsoap.org/ws/2004/09/transfer/Get', '');
    expect([r.status, faultCodeOf(r.body)]).toEqual([500, '2150858771']);
  });
});
