import {
  commandMessage,
  createShellMessage,
  deleteShellMessage,
  receiveMessage,
  sendMessage,
  signalMessage,
  stdinChunks,
  SIGNAL,
  type Envelope,
  type SessionHeaders,
} from './soap-messages.js';
import { isOperationTimeout, type WsmanResponse } from './soap-response.js';
import { describeFailure, redact, type WinrmFailure } from './winrm-errors.js';
import { endpointUrl, hostPort, type WinrmTarget } from './winrm-target.js';
import { WsmanChannel } from './wsman-channel.js';

/**
 * Runs one command in a WinRS cmd shell the way ssh-exec runs one over SSH: create the shell, start the
 * command, send stdin, stream stdout and stderr as they arrive, and always delete the shell at the end.
 * On abort it signals terminate and deletes the shell (on the same connection if no request was cut, else on
 * a fresh one), each within a short bound, so nothing is left running on the target; the promise always
 * settles and never rejects.
 */

export type { WinrmTarget } from './winrm-target.js';

export type WinrsStdin = string | readonly Buffer[];

export interface WinrsCommand {
  /** The program, e.g. `powershell.exe` (started without cmd.exe around it). */
  command: string;
  /** Its arguments, quoted for the Windows command line here. */
  args: string[];
  /**
   * Sent in Send-sized pieces, the last closing stdin: text as UTF-8, or bytes given as parts (sent as views
   * of them, not copied). A function is called once the command has started.
   */
  stdin: WinrsStdin | (() => WinrsStdin);
  /** Aborting stops the command and deletes the shell; the outcome is then `aborted`. */
  signal: AbortSignal;
  /** Decoded UTF-8 text as it arrives; a character split across two Receives arrives whole. */
  onStdout(text: string): void;
  onStderr(text: string): void;
}

export type WinrsStage = 'connect' | 'auth' | 'shell' | 'command' | 'aborted';

export type WinrsOutcome =
  | { ok: true; exitCode: number; /** Set when the final Signal or Delete failed: the shell may linger until its idle timeout. */ cleanup?: string }
  | { ok: false; stage: WinrsStage; /** One line, never the password. */ reason: string; wsmanCode?: number; retryable?: boolean; cleanup?: string };

export interface WinrsOptions {
  /** OperationTimeout of each request: how long the service may hold a Receive with no output (default 20 s). */
  operationTimeoutS?: number;
  /** Bound on each of the final Signal and Delete (default 5 s). */
  cleanupTimeoutMs?: number;
  /** Seconds after which the service deletes a shell nobody talks to: the net under a controller that died (default 300). */
  shellIdleTimeoutS?: number;
}

/** Time a request may take beyond its OperationTimeout before the connection is called dead. */
const REQUEST_GRACE_MS = 15_000;

const CONNECTION_KINDS = new Set<WinrmFailure['kind']>(['network', 'connect-timeout', 'tls', 'pin-mismatch']);

class Stopped {
  constructor(
    readonly stage: WinrsStage,
    readonly failure: WinrmFailure,
  ) {}
}

/** Runs `command` on `target`; see `WinrsOutcome` for what comes back. */
export async function runWinrsCommand(target: WinrmTarget, cmd: WinrsCommand, options: WinrsOptions = {}): Promise<WinrsOutcome> {
  const operationTimeoutS = options.operationTimeoutS ?? 20;
  const requestTimeoutMs = operationTimeoutS * 1000 + REQUEST_GRACE_MS;
  const headers: SessionHeaders = { to: endpointUrl(target), operationTimeoutS };
  const channel = new WsmanChannel(target, cmd.signal);
  let shellId: string | undefined;
  let commandId: string | undefined;

  const stageOf = (failure: WinrmFailure, operationStage: WinrsStage): WinrsStage => {
    if (failure.kind === 'aborted' || cmd.signal.aborted) return 'aborted';
    if (failure.kind === 'unauthorized' || failure.kind === 'auth-protocol') return 'auth';
    if (failure.kind === 'config') return failure.stage;
    if (CONNECTION_KINDS.has(failure.kind) && shellId === undefined) return 'connect';
    return operationStage;
  };

  const call = async (envelope: Envelope, operation: string, stage: WinrsStage): Promise<WsmanResponse> => {
    const result = await channel.exchange(envelope, { timeoutMs: requestTimeoutMs, operation });
    if (cmd.signal.aborted) throw new Stopped('aborted', { kind: 'aborted' });
    if (!result.ok) throw new Stopped(stageOf(result.failure, stage), result.failure);
    return result.response;
  };

  let exitCode: number | undefined;
  let stopped: Stopped | undefined;
  try {
    if (cmd.signal.aborted) throw new Stopped('aborted', { kind: 'aborted' });
    const created = await call(createShellMessage(headers, { idleTimeoutS: options.shellIdleTimeoutS ?? 300 }), 'Create', 'shell');
    shellId = created.shellId;
    if (!shellId) throw new Stopped('shell', notSoap('the Create answer names no ShellId'));
    const started = await call(commandMessage(headers, shellId, cmd.command, cmd.args), 'Command', 'command');
    commandId = started.commandId;
    if (!commandId) throw new Stopped('command', notSoap('the Command answer names no CommandId'));
    const input = typeof cmd.stdin === 'function' ? cmd.stdin() : cmd.stdin;
    const pieces = stdinChunks(typeof input === 'string' ? Buffer.from(input, 'utf8') : input);
    for (const [i, piece] of pieces.entries()) {
      await call(sendMessage(headers, shellId, commandId, piece, i === pieces.length - 1), 'Send', 'command');
    }
    exitCode = await receiveAll(shellId, commandId);
  } catch (e) {
    // A bug here (or in a caller's callback) still ends as an outcome, after the shell is deleted.
    stopped = e instanceof Stopped ? e : new Stopped(shellId ? 'command' : 'connect', { kind: 'internal', message: (e as Error).message });
  }
  // An abort cut the request in flight: that connection is done. An idle one is kept, deaf to the signal, for cleanup.
  if (channel.idle) channel.disarm();
  else channel.close();

  const cleanup = await stopAndDelete(target, channel, headers, shellId, commandId, options.cleanupTimeoutMs ?? 5_000);
  channel.close();
  const where = { where: hostPort(target), https: target.https };
  if (stopped?.stage === 'aborted' || (cmd.signal.aborted && exitCode === undefined)) {
    const reason = cleanup ? `stopped before the command finished; cleanup failed: ${cleanup}` : 'stopped before the command finished; the shell was deleted';
    return { ok: false, stage: 'aborted', reason: redact(reason, target.password) };
  }
  if (stopped) {
    const said = describeFailure(stopped.failure, where);
    return {
      ok: false,
      stage: stopped.stage,
      reason: redact(said.reason, target.password),
      ...(said.wsmanCode !== undefined ? { wsmanCode: said.wsmanCode } : {}),
      ...(said.retryable ? { retryable: true } : {}),
      ...(cleanup ? { cleanup: redact(cleanup, target.password) } : {}),
    };
  }
  return cleanup ? { ok: true, exitCode: exitCode!, cleanup: redact(cleanup, target.password) } : { ok: true, exitCode: exitCode! };

  async function receiveAll(shell: string, command: string): Promise<number> {
    const decoders = { stdout: new TextDecoder('utf-8'), stderr: new TextDecoder('utf-8') };
    const deliver = (name: 'stdout' | 'stderr', text: string): void => {
      if (text) (name === 'stdout' ? cmd.onStdout : cmd.onStderr)(text);
    };
    for (;;) {
      const asked = Date.now();
      let response: WsmanResponse | undefined;
      try {
        response = await call(receiveMessage(headers, shell, command), 'Receive', 'command');
      } catch (e) {
        // No output before OperationTimeout is the service saying "nothing yet": ask again.
        if (!(e instanceof Stopped && e.failure.kind === 'fault' && isOperationTimeout(e.failure.fault))) throw e;
      }
      for (const stream of response?.streams ?? []) {
        if (stream.commandId && stream.commandId.toLowerCase() !== command.toLowerCase()) continue;
        if (stream.name !== 'stdout' && stream.name !== 'stderr') continue;
        deliver(stream.name, decoders[stream.name].decode(stream.data, { stream: true }));
      }
      const state = response?.commandState;
      if (state?.state === 'Done') {
        deliver('stdout', decoders.stdout.decode());
        deliver('stderr', decoders.stderr.decode());
        if (state.exitCode === undefined) throw new Stopped('command', notSoap('the command ended without an exit code'));
        return state.exitCode;
      }
      // Windows holds a Receive until there is output; a service that answers empty at once is not spun on.
      const empty = (response?.streams ?? []).every((st) => st.data.length === 0);
      if (empty && Date.now() - asked < EMPTY_RECEIVE_PAUSE_MS) await pause(EMPTY_RECEIVE_PAUSE_MS, cmd.signal);
    }
  }
}

const EMPTY_RECEIVE_PAUSE_MS = 100;

/** Waits `ms`, or less if the signal aborts first. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

function notSoap(detail: string): WinrmFailure {
  return { kind: 'not-soap', status: 200, contentType: 'application/soap+xml', detail };
}

/**
 * Signal terminate (MS-WSMV asks for it after the last Receive too) and Delete the shell, which ends every
 * process left in it. An idle (disarmed) channel is reused; otherwise a fresh connection with no abort signal
 * is opened, each step bounded by `timeoutMs`. Returns what failed, if anything.
 */
async function stopAndDelete(
  target: WinrmTarget,
  channel: WsmanChannel,
  headers: SessionHeaders,
  shellId: string | undefined,
  commandId: string | undefined,
  timeoutMs: number,
): Promise<string | undefined> {
  if (shellId === undefined) return undefined;
  const quick = { ...target, connectTimeoutMs: Math.min(target.connectTimeoutMs, timeoutMs) };
  const use = channel.idle ? channel : new WsmanChannel(quick, undefined, true);
  const where = { where: hostPort(target), https: target.https };
  const problems: string[] = [];
  const step = async (envelope: Envelope, operation: string): Promise<void> => {
    const r = await use.exchange(envelope, { timeoutMs, operation });
    if (!r.ok) problems.push(`${operation}: ${describeFailure(r.failure, where).reason}`);
  };
  try {
    if (commandId !== undefined) await step(signalMessage(headers, shellId, commandId, SIGNAL.terminate), 'Signal');
    await step(deleteShellMessage(headers, shellId), 'Delete');
  } finally {
    if (use !== channel) use.close();
  }
  return problems.length ? problems.join('; ') : undefined;
}
