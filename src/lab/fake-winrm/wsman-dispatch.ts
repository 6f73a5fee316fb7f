import { setTimeout as sleep } from 'node:timers/promises';
import { receiveDelayMs, shellsInUse } from './behaviours.js';
import { programFor, splitWindowsCommandLine } from './command-line.js';
import type { FakeHostConfig } from './config.js';
import { ACTION, CMD_SHELL_URI, NS, SIGNAL } from './namespaces.js';
import {
  commandResponse, createResponse, deleteResponse, faultEnvelope, FAULTS, receiveResponse, sendResponse, signalResponse,
  upperGuid, type WsmanFault,
} from './responses.js';
import type { Shell, ShellTable } from './shells.js';
import { durationMs, type WsmanRequest } from './soap-request.js';
import { child, childrenNamed } from './xml-reader.js';
import type { PwshLocation } from '../pwsh-location.js';

/** One fake Windows host as the dispatcher sees it. */
export interface HostRuntime {
  config: FakeHostConfig;
  shells: ShellTable;
  pwsh: PwshLocation;
  /** Environment of every command (PATH, HOME, the lab marker, FLEET_SCAN_STAGED_STATE, ...). */
  env: Record<string, string>;
}

export interface DispatchContext {
  host: HostRuntime;
  /** The authenticated user, as the shell's Owner. */
  user: string;
  clientIp: string;
  /** Identifies the client connection, so shells know when their client is gone. */
  connection: number;
  /** The listener URL the client addressed: the ResourceCreated address. */
  listenerUrl: string;
  /** The name the client connected to, which Windows puts in Machine="..." of its faults. */
  machine: string;
  /** Aborts when the client connection closes: a waiting Receive stops waiting. */
  closed: AbortSignal;
}

export interface SoapAnswer {
  status: 200 | 500;
  xml: string;
}

/** The default wsman:OperationTimeout of a Windows client (60 s) when a request names none. */
const DEFAULT_OPERATION_TIMEOUT_MS = 60_000;
/** winrm/config/winrs IdleTimeout: 7,200,000 ms. */
const DEFAULT_IDLE_TIMEOUT_MS = 7_200_000;
/** Room in an envelope for everything but the streams' base64. */
const ENVELOPE_OVERHEAD = 4096;

const faultAnswer = (req: WsmanRequest, ctx: DispatchContext, fault: WsmanFault): SoapAnswer =>
  ({ status: 500, xml: faultEnvelope(req.messageId, fault, ctx.machine) });

/** Answers one WinRS request (Create, Command, Send, Receive, Signal, Delete) as Windows does. */
export async function dispatch(req: WsmanRequest, ctx: DispatchContext): Promise<SoapAnswer> {
  if (req.resourceUri !== CMD_SHELL_URI) return faultAnswer(req, ctx, FAULTS.actionNotSupported());
  if (req.action === ACTION.create) return create(req, ctx);
  const handlers: Record<string, (req: WsmanRequest, ctx: DispatchContext, shell: Shell) => Promise<SoapAnswer> | SoapAnswer> = {
    [ACTION.command]: command, [ACTION.send]: send, [ACTION.receive]: receive, [ACTION.signal]: signal, [ACTION.delete]: remove,
  };
  const handler = handlers[req.action];
  if (!handler) return faultAnswer(req, ctx, FAULTS.actionNotSupported());
  const shellId = req.selectors.ShellId ?? '';
  const shell = ctx.host.shells.use(shellId, ctx.connection);
  if (!shell) return faultAnswer(req, ctx, FAULTS.shellNotFound(shellId));
  shell.busy++;
  try {
    return await handler(req, ctx, shell);
  } finally {
    shell.busy--;
    shell.lastActivity = Date.now();
  }
}

function create(req: WsmanRequest, ctx: DispatchContext): SoapAnswer {
  const { config, shells } = ctx.host;
  if (shellsInUse(config.behaviour, shells.countFor(ctx.user), config.maxShellsPerUser) >= config.maxShellsPerUser) {
    return faultAnswer(req, ctx, FAULTS.shellQuota(config.maxShellsPerUser));
  }
  const body = req.body?.ns === NS.rsp && req.body.name === 'Shell' ? req.body : undefined;
  const environment: Record<string, string> = {};
  for (const v of childrenNamed(child(body, NS.rsp, 'Environment'), NS.rsp, 'Variable')) {
    if (v.attrs.Name) environment[v.attrs.Name] = v.text;
  }
  const idle = durationMs(child(body, NS.rsp, 'IdleTimeOut')?.text ?? '');
  const shell = shells.create({
    owner: ctx.user, clientIp: ctx.clientIp, environment, idleTimeoutMs: idle && idle > 0 ? idle : DEFAULT_IDLE_TIMEOUT_MS,
    inputStreams: child(body, NS.rsp, 'InputStreams')?.text || 'stdin',
    outputStreams: child(body, NS.rsp, 'OutputStreams')?.text || 'stdout stderr',
  }, ctx.connection);
  return {
    status: 200,
    xml: createResponse(req.messageId, {
      address: ctx.listenerUrl, shellId: shell.id, owner: shell.owner, clientIp: shell.clientIp, idleTimeoutMs: shell.idleTimeoutMs,
      inputStreams: shell.inputStreams, outputStreams: shell.outputStreams,
    }),
  };
}

function command(req: WsmanRequest, ctx: DispatchContext, shell: Shell): SoapAnswer {
  const line = req.body?.ns === NS.rsp && req.body.name === 'CommandLine' ? req.body : undefined;
  const program = child(line, NS.rsp, 'Command')?.text;
  if (!line || !program) return faultAnswer(req, ctx, FAULTS.schemaValidation());
  // WinRS joins Command and Arguments into one command line; the program then splits it again.
  const text = [program, ...childrenNamed(line, NS.rsp, 'Arguments').map((a) => a.text)].join(' ');
  const id = (line.attrs.CommandId ?? upperGuid()).toUpperCase();
  const { host } = ctx;
  host.shells.startCommand(shell, id, {
    program: programFor(splitWindowsCommandLine(text), host.pwsh), env: host.env, cwd: host.config.dir,
  });
  return { status: 200, xml: commandResponse(req.messageId, id) };
}

function send(req: WsmanRequest, ctx: DispatchContext, shell: Shell): SoapAnswer {
  const streams = childrenNamed(req.body, NS.rsp, 'Stream');
  const commands = streams.map((s) => shell.commands.get((s.attrs.CommandId ?? '').toUpperCase()));
  if (streams.length === 0 || commands.some((c) => !c || c.doneReported)) return faultAnswer(req, ctx, FAULTS.commandNotFound());
  streams.forEach((s, i) => {
    const c = commands[i]!;
    c.write(Buffer.from(s.text, 'base64'));
    if (/^true$/i.test(s.attrs.End ?? '')) c.endInput();
  });
  return { status: 200, xml: sendResponse(req.messageId) };
}

async function receive(req: WsmanRequest, ctx: DispatchContext, shell: Shell): Promise<SoapAnswer> {
  const desired = child(req.body, NS.rsp, 'DesiredStream');
  const id = (desired?.attrs.CommandId ?? '').toUpperCase();
  const cmd = shell.commands.get(id);
  if (!cmd || cmd.doneReported) return faultAnswer(req, ctx, FAULTS.commandNotFound());
  const delay = receiveDelayMs(ctx.host.config.behaviour, ctx.host.config.slowReceiveMs);
  if (delay > 0) await sleep(delay, undefined, { signal: ctx.closed }).catch(() => undefined);
  const deadline = Date.now() + (req.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS);
  while (!cmd.hasOutput && cmd.exitCode === undefined) {
    const left = deadline - Date.now();
    if (left <= 0 || ctx.closed.aborted) return faultAnswer(req, ctx, FAULTS.timedOut());
    await cmd.waitForChange(left, ctx.closed);
  }
  const budget = Math.max(1024, Math.floor((((req.maxEnvelopeSize ?? 153_600) - ENVELOPE_OVERHEAD) * 3) / 4));
  const chunks = cmd.take(budget);
  const finished = !cmd.hasOutput && cmd.exitCode !== undefined;
  if (finished) cmd.doneReported = true;
  return {
    status: 200,
    xml: receiveResponse(req.messageId, {
      commandId: cmd.id, chunks, outputStreams: shell.outputStreams.split(/\s+/).filter(Boolean),
      ...(finished ? { exitCode: cmd.exitCode! } : {}),
    }),
  };
}

async function signal(req: WsmanRequest, ctx: DispatchContext, shell: Shell): Promise<SoapAnswer> {
  const id = (req.body?.attrs.CommandId ?? '').toUpperCase();
  const code = child(req.body, NS.rsp, 'Code')?.text ?? '';
  const cmd = shell.commands.get(id);
  if (!cmd) return faultAnswer(req, ctx, FAULTS.commandNotFound());
  if (code === SIGNAL.terminate) await ctx.host.shells.endCommand(shell, id);
  else if (code === SIGNAL.ctrlC) await cmd.kill(true);
  return { status: 200, xml: signalResponse(req.messageId) };
}

async function remove(req: WsmanRequest, ctx: DispatchContext, shell: Shell): Promise<SoapAnswer> {
  await ctx.host.shells.delete(shell.id);
  return { status: 200, xml: deleteResponse(req.messageId) };
}
