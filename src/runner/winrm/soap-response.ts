import { SaxesParser } from 'saxes';
import { NS } from './soap-messages.js';

/**
 * Reads a WS-Management answer: the shell and command ids, every output stream in order, the command's
 * state, and SOAP faults with their WSManFault detail. Names are matched by namespace URI, not by prefix
 * (Windows writes `s:`/`w:`/`rsp:`, other stacks pick their own). A DOCTYPE is refused and no entity other
 * than XML's five and character references is ever expanded.
 */

export interface WsmanStream {
  name: string;
  commandId?: string;
  end: boolean;
  data: Buffer;
}

export interface CommandState {
  commandId?: string;
  /** The last segment of the state URI: `Done`, `Running`, `Pending`. */
  state: string;
  exitCode?: number;
}

export interface SoapFault {
  /** `s:Code/s:Value`, e.g. `s:Receiver`. */
  code?: string;
  /** `s:Subcode/s:Value`, e.g. `w:TimedOut`, `w:QuotaLimit`, `w:AccessDenied`. */
  subcode?: string;
  /** `s:Reason/s:Text`. */
  reason?: string;
  /** `f:WSManFault/@Code`: a Win32 or WinRM error number (2150858793 is the operation timeout). */
  wsmanCode?: number;
  machine?: string;
  /** The text of `f:Message`, including what a nested `f:ProviderFault` says. */
  message?: string;
  /** `f:ProviderFault/@provider`, e.g. `Shell cmd plugin`. */
  provider?: string;
}

export interface WsmanResponse {
  action?: string;
  relatesTo?: string;
  shellId?: string;
  commandId?: string;
  streams: WsmanStream[];
  commandState?: CommandState;
  fault?: SoapFault;
}

export type ParseResult = { ok: true; response: WsmanResponse } | { ok: false; reason: string };

/** The WSManFault code of `OperationTimeout` expiring: a Receive with no output yet. */
const WSMAN_OPERATION_TIMEOUT = 2150858793;

interface Element {
  uri: string;
  local: string;
  attrs: Map<string, string>;
  children: Element[];
  text: string;
}

const MAX_DEPTH = 64;

function parseTree(xml: string): { ok: true; root: Element } | { ok: false; reason: string } {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: Element[] = [];
  let root: Element | undefined;
  let failure: string | undefined;
  parser.on('doctype', () => {
    failure ??= 'the answer carries a DOCTYPE, which WS-Management never sends';
  });
  parser.on('error', (e) => {
    failure ??= `malformed XML: ${e.message}`;
  });
  parser.on('opentag', (tag) => {
    const attrs = new Map<string, string>();
    for (const a of Object.values(tag.attributes)) {
      if (a.uri === 'http://www.w3.org/2000/xmlns/') continue;
      attrs.set(a.uri ? `{${a.uri}}${a.local}` : a.local, a.value);
    }
    const el: Element = { uri: tag.uri, local: tag.local, attrs, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
    if (stack.length > MAX_DEPTH) failure ??= `elements nest deeper than ${MAX_DEPTH}`;
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('cdata', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(xml);
    if (!failure) parser.close();
  } catch (e) {
    failure ??= `malformed XML: ${(e as Error).message}`;
  }
  if (failure) return { ok: false, reason: failure };
  if (!root) return { ok: false, reason: 'the answer holds no XML element' };
  return { ok: true, root };
}

function child(el: Element | undefined, uri: string, local: string): Element | undefined {
  return el?.children.find((c) => c.uri === uri && c.local === local);
}

function* descendants(el: Element): Generator<Element> {
  for (const c of el.children) {
    yield c;
    yield* descendants(c);
  }
}

function find(el: Element, uri: string, local: string): Element | undefined {
  for (const d of descendants(el)) if (d.uri === uri && d.local === local) return d;
  return undefined;
}

/** Every text below an element, in document order, with runs of white space made one. */
function deepText(el: Element): string {
  const parts = [el.text];
  for (const c of el.children) parts.push(deepText(c));
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function trimmed(text: string | undefined): string | undefined {
  const t = text?.trim();
  return t ? t : undefined;
}

function readFault(fault: Element): SoapFault {
  const code = child(fault, NS.s, 'Code');
  const out: SoapFault = {
    code: trimmed(child(code, NS.s, 'Value')?.text),
    subcode: trimmed(child(child(code, NS.s, 'Subcode'), NS.s, 'Value')?.text),
    reason: trimmed(child(child(fault, NS.s, 'Reason'), NS.s, 'Text')?.text),
  };
  const detail = child(fault, NS.s, 'Detail');
  const wsman = detail && child(detail, NS.f, 'WSManFault');
  if (wsman) {
    const n = Number(wsman.attrs.get('Code'));
    if (Number.isSafeInteger(n)) out.wsmanCode = n;
    out.machine = trimmed(wsman.attrs.get('Machine'));
    const message = child(wsman, NS.f, 'Message');
    if (message) {
      out.message = trimmed(deepText(message));
      out.provider = trimmed(find(message, NS.f, 'ProviderFault')?.attrs.get('provider'));
    }
  }
  return out;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function readStreams(body: Element): WsmanStream[] | undefined {
  const streams: WsmanStream[] = [];
  for (const el of descendants(body)) {
    if (el.uri !== NS.rsp || el.local !== 'Stream') continue;
    const text = el.text.replace(/\s+/g, '');
    if (!BASE64.test(text)) return undefined;
    streams.push({
      name: el.attrs.get('Name') ?? '',
      commandId: el.attrs.get('CommandId'),
      end: (el.attrs.get('End') ?? '').toLowerCase() === 'true',
      data: Buffer.from(text, 'base64'),
    });
  }
  return streams;
}

function readShellId(body: Element): string | undefined {
  for (const el of descendants(body)) {
    if (el.uri === NS.w && el.local === 'Selector' && el.attrs.get('Name') === 'ShellId') return trimmed(el.text);
  }
  return trimmed(find(body, NS.rsp, 'ShellId')?.text);
}

/** Parses one answer; anything that is not a SOAP 1.2 envelope is a failure with a short reason. */
export function parseWsmanResponse(xml: string): ParseResult {
  const tree = parseTree(xml);
  if (!tree.ok) return tree;
  const { root } = tree;
  if (root.uri !== NS.s || root.local !== 'Envelope') {
    return { ok: false, reason: `the answer is <${root.local}>, not a SOAP 1.2 envelope` };
  }
  const header = child(root, NS.s, 'Header');
  const body = child(root, NS.s, 'Body');
  const response: WsmanResponse = {
    action: trimmed(child(header, NS.a, 'Action')?.text),
    relatesTo: trimmed(child(header, NS.a, 'RelatesTo')?.text),
    streams: [],
  };
  if (!body) return { ok: true, response };
  const fault = child(body, NS.s, 'Fault');
  if (fault) {
    response.fault = readFault(fault);
    return { ok: true, response };
  }
  response.shellId = readShellId(body);
  response.commandId = trimmed(find(body, NS.rsp, 'CommandId')?.text);
  const streams = readStreams(body);
  if (!streams) return { ok: false, reason: 'an output stream is not base64' };
  response.streams = streams;
  const state = find(body, NS.rsp, 'CommandState');
  if (state) {
    const uri = state.attrs.get('State') ?? '';
    const exit = trimmed(child(state, NS.rsp, 'ExitCode')?.text);
    response.commandState = {
      commandId: state.attrs.get('CommandId'),
      state: uri.slice(uri.lastIndexOf('/') + 1),
      // Windows reports exit codes as unsigned 32-bit numbers; keep them as the process returned them.
      exitCode: exit !== undefined && /^-?\d+$/.test(exit) ? Number(exit) : undefined,
    };
  }
  return { ok: true, response };
}

/** The local part of a QName such as `w:TimedOut`. */
function localName(qname: string | undefined): string | undefined {
  return qname?.slice(qname.indexOf(':') + 1);
}

/** A Receive that found no output before OperationTimeout: normal, ask again. */
export function isOperationTimeout(fault: SoapFault): boolean {
  if (fault.wsmanCode !== undefined) return fault.wsmanCode === WSMAN_OPERATION_TIMEOUT;
  return localName(fault.subcode) === 'TimedOut';
}
