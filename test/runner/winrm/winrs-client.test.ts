import { describe, expect, it } from 'vitest';
import {
  commandResponse,
  createResponse,
  deleteResponse,
  faultEnvelope,
  FAULTS,
  receiveResponse,
  sendResponse,
  signalResponse,
  type StreamChunk,
} from '../../../src/lab/fake-winrm/responses.js';
import { runWinrsCommand, type WinrsCommand, type WinrsOutcome } from '../../../src/runner/winrm/winrs-client.js';
import type { WinrmTarget } from '../../../src/runner/winrm/winrm-target.js';
import { at } from './helpers/xml-tree.js';
import { scriptedWsmanSuite, sentStdin, type Answer, type ScriptedWsman, type WsmanCall } from './helpers/scripted-wsman.js';

const SHELL = '0A3F6C2E-1B2D-4E5F-8A9B-0C1D2E3F4A5B';
const COMMAND = '77DF7BB6-B5A0-4777-ABD9-9823C0774074';
const USER = 'scan';
const PASSWORD = 'C4n4ry-P@ss-7f3e';
const RSP = 'http://schemas.microsoft.com/wbem/wsman/1/windows/shell';
const S = 'http://www.w3.org/2003/05/soap-envelope';

const suite = scriptedWsmanSuite();

type Script = Partial<Record<string, (call: WsmanCall, n: number) => Answer | Promise<Answer>>>;

/** Answers each action as a healthy Windows host does, unless the script says otherwise; `n` counts calls of that action. */
async function serve(script: Script = {}, outputs: Array<{ chunks: StreamChunk[]; exitCode?: number }> = [{ chunks: [], exitCode: 0 }]): Promise<ScriptedWsman> {
  const counts = new Map<string, number>();
  return suite.start({
    user: USER,
    password: PASSWORD,
    answer: (call) => {
      const n = (counts.get(call.action) ?? 0) + 1;
      counts.set(call.action, n);
      const custom = script[call.action];
      if (custom) return custom(call, n);
      const r = call.messageId;
      switch (call.action) {
        case 'Create':
          return { xml: createResponse(r, { address: 'https://127.0.0.1/wsman', shellId: SHELL, owner: USER, clientIp: '127.0.0.1', idleTimeoutMs: 300_000, inputStreams: 'stdin', outputStreams: 'stdout stderr' }) };
        case 'Command':
          return { xml: commandResponse(r, COMMAND) };
        case 'Send':
          return { xml: sendResponse(r) };
        case 'Receive': {
          const out = outputs[Math.min(n - 1, outputs.length - 1)]!;
          return { xml: receiveResponse(r, { commandId: COMMAND, chunks: out.chunks, exitCode: out.exitCode, outputStreams: ['stdout', 'stderr'] }) };
        }
        case 'Signal':
          return { xml: signalResponse(r) };
        case 'Delete':
          return { xml: deleteResponse(r) };
        default:
          return { xml: faultEnvelope(r, FAULTS.actionNotSupported(), '127.0.0.1'), status: 500 };
      }
    },
  });
}

function target(port: number, over: Partial<WinrmTarget> = {}): WinrmTarget {
  return { address: '127.0.0.1', port, https: true, auth: 'basic', user: USER, password: PASSWORD, tls: { caFile: suite.certs().caFile }, connectTimeoutMs: 2_000, ...over };
}

interface Run {
  outcome: WinrsOutcome;
  stdout: string[];
  stderr: string[];
}

async function run(t: WinrmTarget, over: Partial<WinrsCommand> = {}, options: Parameters<typeof runWinrsCommand>[2] = {}): Promise<Run> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const outcome = await runWinrsCommand(
    t,
    {
      command: 'powershell.exe',
      args: ['-NoProfile', '-NonInteractive', '-EncodedCommand', 'JABhAA=='],
      stdin: 'bundle\n#FSPAYLOAD e30=\n',
      signal: new AbortController().signal,
      onStdout: (s) => stdout.push(s),
      onStderr: (s) => stderr.push(s),
      ...over,
    },
    options,
  );
  return { outcome, stdout, stderr };
}

const actions = (s: ScriptedWsman) => s.calls.map((c) => c.action);
const timedOut = (call: WsmanCall): Answer => ({ xml: faultEnvelope(call.messageId, FAULTS.timedOut(), '127.0.0.1'), status: 500 });

describe('a command that runs to the end', () => {
  it('creates the shell, runs the command, sends stdin, streams output, then signals terminate and deletes the shell', async () => {
    const s = await serve({}, [
      { chunks: [{ name: 'stdout', data: Buffer.from('FS-1 check e30=\r\ncaf\xc3', 'latin1') }] },
      { chunks: [{ name: 'stdout', data: Buffer.from([0xa9, 0x0d, 0x0a]) }, { name: 'stderr', data: Buffer.from('warn\r\n') }] },
      { chunks: [{ name: 'stdout', data: Buffer.from('FS-1 report e30=\r\n') }], exitCode: 0 },
    ]);
    const { outcome, stdout, stderr } = await run(target(s.port));
    expect(outcome).toEqual({ ok: true, exitCode: 0 });
    expect(actions(s)).toEqual(['Create', 'Command', 'Send', 'Receive', 'Receive', 'Receive', 'Signal', 'Delete']);
    expect(stdout.join('')).toBe('FS-1 check e30=\r\ncafé\r\nFS-1 report e30=\r\n');
    expect(stdout.join('')).not.toContain('\uFFFD');
    expect(stderr).toEqual(['warn\r\n']);
    // One keep-alive connection carries the whole session.
    expect(new Set(s.calls.map((c) => c.connection))).toEqual(new Set([1]));
  });

  it('hands output to the callbacks as each Receive brings it, before the command ends', async () => {
    let seenBeforeDone: string[] = [];
    const stdout: string[] = [];
    const s = await serve({
      Receive: (call, n) => {
        if (n === 2) seenBeforeDone = [...stdout];
        const chunks = n === 1 ? [{ name: 'stdout', data: Buffer.from('first line\r\n') }] : [];
        return { xml: receiveResponse(call.messageId, { commandId: COMMAND, chunks, exitCode: n === 2 ? 0 : undefined, outputStreams: ['stdout', 'stderr'] }) };
      },
    });
    await run(target(s.port), { onStdout: (t) => stdout.push(t) });
    expect(seenBeforeDone).toEqual(['first line\r\n']);
  });

  it('sends the program and arguments without cmd.exe, and stdin in pieces that rejoin with End on the last', async () => {
    const s = await serve();
    const stdin = `${'x'.repeat(200_000)}é\n#FSPAYLOAD e30=\n`;
    await run(target(s.port), { stdin });
    const command = s.calls.find((c) => c.action === 'Command')!;
    const line = at(command.doc, [S, 'Body'], [RSP, 'CommandLine']);
    expect(at(line, [RSP, 'Command']).text).toBe('powershell.exe');
    expect(at(line, [RSP, 'Arguments']).text).toBe('-NoProfile -NonInteractive -EncodedCommand JABhAA==');
    const sent = sentStdin(s.calls);
    expect(sent.data.toString('utf8')).toBe(stdin);
    expect(sent.ended).toBe(true);
    expect(s.calls.filter((c) => c.action === 'Send').length).toBeGreaterThan(1);
    expect(s.calls.every((c) => c.action === 'Create' || c.shellId === SHELL)).toBe(true);
  });

  it('asks again after the OperationTimeout fault, which only means "no output yet"', async () => {
    const s = await serve({
      Receive: (call, n) =>
        n < 3 ? timedOut(call) : { xml: receiveResponse(call.messageId, { commandId: COMMAND, chunks: [], exitCode: 0, outputStreams: ['stdout', 'stderr'] }) },
    });
    expect((await run(target(s.port))).outcome).toEqual({ ok: true, exitCode: 0 });
    expect(actions(s).filter((a) => a === 'Receive')).toHaveLength(3);
  });

  it('does not spin on a service that answers an empty Receive at once', async () => {
    let first = 0;
    const s = await serve({
      Receive: (call) => {
        first ||= Date.now();
        const exitCode = Date.now() - first > 500 ? 0 : undefined;
        return { xml: receiveResponse(call.messageId, { commandId: COMMAND, chunks: [], exitCode, outputStreams: ['stdout', 'stderr'] }) };
      },
    });
    expect((await run(target(s.port))).outcome).toEqual({ ok: true, exitCode: 0 });
    expect(actions(s).filter((a) => a === 'Receive').length).toBeLessThanOrEqual(8);
  });

  it('returns the exit code the command ended with', async () => {
    const s = await serve({}, [{ chunks: [], exitCode: 3 }]);
    expect((await run(target(s.port))).outcome).toEqual({ ok: true, exitCode: 3 });
  });

  it('ignores output that belongs to another command', async () => {
    const s = await serve({
      Receive: (call) => ({
        xml: receiveResponse(call.messageId, { commandId: COMMAND, chunks: [{ name: 'stdout', data: Buffer.from('mine\r\n') }], exitCode: 0, outputStreams: ['stdout', 'stderr'] }).replace(
          '<rsp:Stream Name="stdout"',
          `<rsp:Stream Name="stdout" CommandId="11111111-2222-4333-8444-555555555555">b3RoZXI=</rsp:Stream><rsp:Stream Name="stdout"`,
        ),
      }),
    });
    expect((await run(target(s.port))).stdout.join('')).toBe('mine\r\n');
  });

  it('reports a Delete that failed beside the exit code, since the shell may linger until its idle timeout', async () => {
    const s = await serve({ Delete: (call) => ({ xml: faultEnvelope(call.messageId, FAULTS.shellNotFound(SHELL), '127.0.0.1'), status: 500 }) });
    const { outcome } = await run(target(s.port));
    expect(outcome).toMatchObject({ ok: true, exitCode: 0, cleanup: expect.stringMatching(/^Delete: WSManFault 2150858843: The request for the Windows Remote Shell/) });
  });
});

describe('a command that cannot run', () => {
  it('stops at the shell stage on the per-user quota, retryable, and leaves nothing to delete', async () => {
    const s = await serve({ Create: (call) => ({ xml: faultEnvelope(call.messageId, FAULTS.shellQuota(30), '127.0.0.1'), status: 500 }) });
    const { outcome } = await run(target(s.port));
    expect(outcome).toEqual({
      ok: false,
      stage: 'shell',
      reason: 'WSManFault 2150859173: The WS-Management service cannot process the request. This user is allowed a maximum number of 30 concurrent shells, which has been exceeded. Close existing shells or raise the quota for this user.',
      wsmanCode: 2150859173,
      retryable: true,
    });
    expect(actions(s)).toEqual(['Create']);
  });

  it('stops at the auth stage on a 401, naming Basic', async () => {
    const s = await serve();
    const { outcome } = await run(target(s.port, { password: 'wrong' }));
    expect(outcome).toMatchObject({ ok: false, stage: 'auth', reason: expect.stringMatching(/^authentication failed \(Basic\): the user name or password is incorrect/) });
    expect(s.calls).toEqual([]);
  });

  it('still deletes the shell when the command fails mid-way', async () => {
    const s = await serve({ Receive: (call) => ({ xml: faultEnvelope(call.messageId, FAULTS.commandNotFound(), '127.0.0.1'), status: 500 }) });
    const { outcome } = await run(target(s.port));
    expect(outcome).toMatchObject({ ok: false, stage: 'command', wsmanCode: 2150858843 });
    expect(actions(s).slice(-2)).toEqual(['Signal', 'Delete']);
  });

  it('refuses Basic over HTTP before opening any connection', async () => {
    const s = await serve();
    const { outcome } = await run(target(s.port, { https: false, tls: undefined }));
    expect(outcome).toEqual({
      ok: false,
      stage: 'auth',
      reason: 'Basic over HTTP refused: the password and every body would travel in clear (Windows refuses it too unless AllowUnencrypted=true); use HTTPS or NTLM',
    });
    expect(s.connections()).toBe(0);
  });

  it('says when the listener answers with something that is not SOAP', async () => {
    const s = await serve({ Create: () => ({ raw: '<html><body>IIS Windows Server</body></html>', status: 200 }) });
    const { outcome } = await run(target(s.port));
    expect(outcome).toMatchObject({ ok: false, stage: 'shell', reason: expect.stringMatching(/is not SOAP \(HTTP 200, text\/html\): the answer is <html>/) });
  });
});

describe('abort', () => {
  it('mid-command signals terminate and deletes the shell on a fresh connection, then resolves as aborted', async () => {
    const abort = new AbortController();
    const s = await serve({
      Receive: (call, n) => {
        if (n === 1) return { xml: receiveResponse(call.messageId, { commandId: COMMAND, chunks: [{ name: 'stdout', data: Buffer.from('working\r\n') }], outputStreams: ['stdout', 'stderr'] }) };
        setTimeout(() => abort.abort(), 50);
        return { hang: true };
      },
    });
    const started = Date.now();
    const { outcome, stdout } = await run(target(s.port), { signal: abort.signal });
    expect(outcome).toEqual({ ok: false, stage: 'aborted', reason: 'stopped before the command finished; the shell was deleted' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(stdout).toEqual(['working\r\n']);
    const signal = s.calls.find((c) => c.action === 'Signal')!;
    expect(at(signal.doc, [S, 'Body'], [RSP, 'Signal'], [RSP, 'Code']).text).toBe('http://schemas.microsoft.com/wbem/wsman/1/windows/shell/signal/terminate');
    const del = s.calls.find((c) => c.action === 'Delete')!;
    expect(del.shellId).toBe(SHELL);
    expect(signal.connection).toBeGreaterThan(s.calls[0]!.connection);
  });

  it('between two requests keeps the idle, authenticated connection for Signal and Delete', async () => {
    const abort = new AbortController();
    const s = await serve({}, [{ chunks: [{ name: 'stdout', data: Buffer.from('FS-1 check e30=\r\n') }] }]);
    const { outcome } = await run(target(s.port), { signal: abort.signal, onStdout: () => abort.abort() });
    expect(outcome).toMatchObject({ ok: false, stage: 'aborted', reason: 'stopped before the command finished; the shell was deleted' });
    expect(actions(s)).toEqual(['Create', 'Command', 'Send', 'Receive', 'Signal', 'Delete']);
    expect(new Set(s.calls.map((c) => c.connection))).toEqual(new Set([1]));
  });

  it('before anything was sent resolves as aborted without touching the host', async () => {
    const s = await serve();
    const abort = new AbortController();
    abort.abort();
    expect((await run(target(s.port), { signal: abort.signal })).outcome).toMatchObject({ ok: false, stage: 'aborted' });
    expect(s.connections()).toBe(0);
  });

  it('settles within the cleanup bounds even when the host stops answering, and says the cleanup failed', async () => {
    const abort = new AbortController();
    const s = await serve({
      Receive: () => {
        setTimeout(() => abort.abort(), 50);
        return { hang: true };
      },
      Signal: () => ({ hang: true }),
      Delete: () => ({ hang: true }),
    });
    const started = Date.now();
    const { outcome } = await run(target(s.port), { signal: abort.signal }, { cleanupTimeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(outcome).toMatchObject({ ok: false, stage: 'aborted', reason: `stopped before the command finished; cleanup failed: Signal: 127.0.0.1:${s.port} did not answer Signal within 0.3 s; Delete: 127.0.0.1:${s.port} did not answer Delete within 0.3 s` });
  });
});

describe('the password', () => {
  it('appears in no outcome of any failure path, not even when the host echoes it back', async () => {
    const outcomes: WinrsOutcome[] = [];
    const echo = (call: WsmanCall): Answer => ({
      xml: faultEnvelope(call.messageId, { ...FAULTS.schemaValidation(), message: `bad login ${PASSWORD} for ${USER}` }, '127.0.0.1'),
      status: 500,
    });
    const paths: Array<[Script, Partial<WinrmTarget>]> = [
      [{}, { password: `${PASSWORD}-wrong` }],
      [{ Create: echo }, {}],
      [{ Receive: echo }, {}],
      [{ Create: () => ({ raw: `<html>${PASSWORD}</html>`, status: 200 }) }, {}],
      [{ Create: () => ({ raw: 'nope', status: 404 }) }, {}],
      [{ Create: () => ({ drop: true }) }, {}],
      [{}, { tls: undefined }],
      [{}, { tls: { certThumbprint: '00'.repeat(20) } }],
      [{}, { https: false }],
    ];
    for (const [script, over] of paths) {
      const s = await serve(script);
      outcomes.push((await run(target(s.port, over))).outcome);
      await s.close();
    }
    outcomes.push((await run(target(1, { address: 'no-such-host.invalid' }))).outcome);
    const aborted = new AbortController();
    aborted.abort();
    outcomes.push((await run(target(1), { signal: aborted.signal })).outcome);
    expect(outcomes.every((o) => !o.ok)).toBe(true);
    const text = JSON.stringify(outcomes);
    for (const secret of [PASSWORD, Buffer.from(PASSWORD).toString('base64'), Buffer.from(`${USER}:${PASSWORD}`).toString('base64')]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('bad login *** for scan');
  });
});
