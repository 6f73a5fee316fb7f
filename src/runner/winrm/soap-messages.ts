import { randomUUID } from 'node:crypto';

/**
 * The WS-Management envelopes of a WinRS session (MS-WSMV 3.1.4: Create, Command, Send, Receive, Signal,
 * Delete), shaped as Windows' own client sends them: SOAP 1.2, WS-Addressing, the cmd shell resource URI.
 * Every value goes through `xmlText`/`xmlAttr`; nothing is pasted into the XML raw.
 */

export const NS = {
  s: 'http://www.w3.org/2003/05/soap-envelope',
  a: 'http://schemas.xmlsoap.org/ws/2004/08/addressing',
  w: 'http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd',
  p: 'http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd',
  rsp: 'http://schemas.microsoft.com/wbem/wsman/1/windows/shell',
  x: 'http://schemas.xmlsoap.org/ws/2004/09/transfer',
  f: 'http://schemas.microsoft.com/wbem/wsman/1/wsmanfault',
} as const;

export const RESOURCE_URI_CMD = 'http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd';
const ANONYMOUS = 'http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous';
const SHELL = 'http://schemas.microsoft.com/wbem/wsman/1/windows/shell';

export const ACTION = {
  create: 'http://schemas.xmlsoap.org/ws/2004/09/transfer/Create',
  delete: 'http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete',
  command: `${SHELL}/Command`,
  send: `${SHELL}/Send`,
  receive: `${SHELL}/Receive`,
  signal: `${SHELL}/Signal`,
} as const;

export const SIGNAL = {
  terminate: `${SHELL}/signal/terminate`,
  ctrlC: `${SHELL}/signal/ctrl_c`,
} as const;

/** The response size the client accepts (150 KiB, what Windows' client and MS-WSMV's examples send). */
export const MAX_ENVELOPE_SIZE = 153_600;

/**
 * Raw stdin bytes per Send: 60,000 bytes are 80,000 base64 characters, so an envelope stays near 82 KB,
 * well under the 150 KB MaxEnvelopeSizekb of 2008 R2/2012-era servers and the 500 KB of later ones.
 */
const STDIN_CHUNK_BYTES = 60_000;

/** Escapes element text: `&`, `<`, `>`, and drops characters XML 1.0 cannot carry at all. */
export function xmlText(value: string): string {
  return stripInvalid(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value for double quotes; tabs and line breaks become references so parsers keep them. */
export function xmlAttr(value: string): string {
  return xmlText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
function stripInvalid(value: string): string {
  return value.replace(INVALID_XML, '');
}

/** What every envelope of one session shares. */
export interface SessionHeaders {
  /** The endpoint URL (`http(s)://host:port/wsman`). */
  to: string;
  /** OperationTimeout in seconds: how long the service may hold a Receive before its TimedOut fault. */
  operationTimeoutS: number;
  locale?: string;
}

/** One envelope and the MessageID it carries, so the answer's RelatesTo can be checked. */
export interface Envelope {
  messageId: string;
  xml: string;
}

interface HeaderParts {
  action: string;
  shellId?: string;
  options?: ReadonlyArray<[name: string, value: string]>;
}

function newMessageId(): string {
  return `uuid:${randomUUID().toUpperCase()}`;
}

/** ISO 8601 duration with milliseconds, the form Windows' client writes (`PT20.000S`). */
function isoSeconds(seconds: number): string {
  return `PT${seconds.toFixed(3)}S`;
}

function envelope(session: SessionHeaders, parts: HeaderParts, body: string, messageId = newMessageId()): Envelope {
  const locale = xmlAttr(session.locale ?? 'en-US');
  const header = [
    `<a:To>${xmlText(session.to)}</a:To>`,
    `<w:ResourceURI s:mustUnderstand="true">${RESOURCE_URI_CMD}</w:ResourceURI>`,
    `<a:ReplyTo><a:Address s:mustUnderstand="true">${ANONYMOUS}</a:Address></a:ReplyTo>`,
    `<a:Action s:mustUnderstand="true">${xmlText(parts.action)}</a:Action>`,
    `<w:MaxEnvelopeSize s:mustUnderstand="true">${MAX_ENVELOPE_SIZE}</w:MaxEnvelopeSize>`,
    `<a:MessageID>${xmlText(messageId)}</a:MessageID>`,
    `<w:Locale xml:lang="${locale}" s:mustUnderstand="false"/>`,
    `<p:DataLocale xml:lang="${locale}" s:mustUnderstand="false"/>`,
  ];
  if (parts.shellId !== undefined) {
    header.push(`<w:SelectorSet><w:Selector Name="ShellId">${xmlText(parts.shellId)}</w:Selector></w:SelectorSet>`);
  }
  if (parts.options?.length) {
    const options = parts.options.map(([name, value]) => `<w:Option Name="${xmlAttr(name)}">${xmlText(value)}</w:Option>`);
    header.push(`<w:OptionSet>${options.join('')}</w:OptionSet>`);
  }
  header.push(`<w:OperationTimeout>${isoSeconds(session.operationTimeoutS)}</w:OperationTimeout>`);
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<s:Envelope xmlns:s="${NS.s}" xmlns:a="${NS.a}" xmlns:w="${NS.w}" xmlns:p="${NS.p}" xmlns:rsp="${NS.rsp}">` +
    `<s:Header>${header.join('')}</s:Header>` +
    (body ? `<s:Body>${body}</s:Body>` : '<s:Body/>') +
    '</s:Envelope>';
  return { messageId, xml };
}

export interface CreateShellOptions {
  /** Seconds of client silence after which the service closes the shell itself: a net if Delete never comes. */
  idleTimeoutS?: number;
}

/** wst:Create of a cmd shell: no profile, UTF-8 code page, stdin in, stdout and stderr out. */
export function createShellMessage(session: SessionHeaders, options: CreateShellOptions = {}): Envelope {
  const idle = options.idleTimeoutS === undefined ? '' : `<rsp:IdleTimeOut>${isoSeconds(options.idleTimeoutS)}</rsp:IdleTimeOut>`;
  return envelope(
    session,
    { action: ACTION.create, options: [['WINRS_NOPROFILE', 'TRUE'], ['WINRS_CODEPAGE', '65001']] },
    `<rsp:Shell><rsp:InputStreams>stdin</rsp:InputStreams><rsp:OutputStreams>stdout stderr</rsp:OutputStreams>${idle}</rsp:Shell>`,
  );
}

/**
 * rsp:CommandLine started straight (WINRS_SKIP_CMD_SHELL, so no cmd.exe sits between the signal and the
 * process) with stdin as a pipe (WINRS_CONSOLEMODE_STDIN FALSE, as Ansible does when it sends input).
 * The arguments travel as one rsp:Arguments, quoted by the rules CommandLineToArgvW reads them back with.
 */
export function commandMessage(session: SessionHeaders, shellId: string, command: string, args: readonly string[]): Envelope {
  const argumentsXml = args.length ? `<rsp:Arguments>${xmlText(args.map(quoteWindowsArg).join(' '))}</rsp:Arguments>` : '';
  return envelope(
    session,
    { action: ACTION.command, shellId, options: [['WINRS_CONSOLEMODE_STDIN', 'FALSE'], ['WINRS_SKIP_CMD_SHELL', 'TRUE']] },
    `<rsp:CommandLine><rsp:Command>${xmlText(command)}</rsp:Command>${argumentsXml}</rsp:CommandLine>`,
  );
}

/** One Send of stdin bytes (base64); `end` closes the command's stdin. */
export function sendMessage(session: SessionHeaders, shellId: string, commandId: string, data: Buffer, end: boolean): Envelope {
  const endAttr = end ? ' End="true"' : '';
  return envelope(
    session,
    { action: ACTION.send, shellId },
    `<rsp:Send><rsp:Stream Name="stdin" CommandId="${xmlAttr(commandId)}"${endAttr}>${data.toString('base64')}</rsp:Stream></rsp:Send>`,
  );
}

/** Receive of stdout and stderr; the keep-alive option is what Windows' client sends to hold the shell open. */
export function receiveMessage(session: SessionHeaders, shellId: string, commandId: string): Envelope {
  return envelope(
    session,
    { action: ACTION.receive, shellId, options: [['WSMAN_CMDSHELL_OPTION_KEEPALIVE', 'TRUE']] },
    `<rsp:Receive><rsp:DesiredStream CommandId="${xmlAttr(commandId)}">stdout stderr</rsp:DesiredStream></rsp:Receive>`,
  );
}

/** Signal to a command: terminate (MS-WSMV wants it after the last Receive too) or ctrl_c. */
export function signalMessage(session: SessionHeaders, shellId: string, commandId: string, code: string = SIGNAL.terminate): Envelope {
  return envelope(
    session,
    { action: ACTION.signal, shellId },
    `<rsp:Signal CommandId="${xmlAttr(commandId)}"><rsp:Code>${xmlText(code)}</rsp:Code></rsp:Signal>`,
  );
}

/** wst:Delete of the shell: the service ends every process still running in it. */
export function deleteShellMessage(session: SessionHeaders, shellId: string): Envelope {
  return envelope(session, { action: ACTION.delete, shellId }, '');
}

/**
 * Splits stdin into Send-sized pieces; empty input is still one (empty) piece so End can be sent. Input given
 * as parts (a bundle every host shares, then the host's own tail) is cut part by part: each piece is a view of
 * its part, so no host copies the shared bytes.
 */
export function stdinChunks(data: Buffer | readonly Buffer[], size = STDIN_CHUNK_BYTES): Buffer[] {
  const chunks: Buffer[] = [];
  for (const part of Buffer.isBuffer(data) ? [data] : data) {
    for (let at = 0; at < part.length; at += size) chunks.push(part.subarray(at, at + size));
  }
  return chunks.length ? chunks : [Buffer.alloc(0)];
}

/**
 * Quotes one argument so the C runtime's parser gives it back unchanged: wrap in quotes when it has spaces,
 * tabs or quotes (or is empty), double the backslashes that precede a quote, escape the quote itself.
 */
export function quoteWindowsArg(arg: string): string {
  if (arg !== '' && !/[\s"]/.test(arg)) return arg;
  let out = '"';
  let backslashes = 0;
  for (const ch of arg) {
    if (ch === '\\') {
      backslashes++;
      continue;
    }
    if (ch === '"') out += '\\'.repeat(backslashes * 2 + 1) + '"';
    else out += '\\'.repeat(backslashes) + ch;
    backslashes = 0;
  }
  return `${out}${'\\'.repeat(backslashes * 2)}"`;
}
