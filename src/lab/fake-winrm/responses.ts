import { randomUUID } from 'node:crypto';
import { xmlAttr, xmlText } from '../../runner/winrm/soap-messages.js';
import { ACTION, ANONYMOUS, CMD_SHELL_URI, COMMAND_STATE, NS, type Prefix } from './namespaces.js';

// Envelopes as Windows Server writes them (one line, `xml:lang="en-US"` on the envelope, upper-case
// uuids, the namespace set of each response kind), after captures of WinRM 2012 R2 to 2022.

/** A new GUID as WinRM prints ShellIds, CommandIds and MessageIDs: upper case. */
export function upperGuid(): string {
  return randomUUID().toUpperCase();
}

const SHELL_NS: Prefix[] = ['s', 'a', 'x', 'w', 'rsp', 'p'];
const RECEIVE_NS: Prefix[] = ['s', 'a', 'w', 'rsp', 'p'];
const DELETE_NS: Prefix[] = ['s', 'a', 'w', 'p'];
const FAULT_NS: Prefix[] = ['s', 'a', 'x', 'e', 'n', 'w', 'p'];

function envelope(prefixes: Prefix[], action: string, relatesTo: string, body: string): string {
  const xmlns = prefixes.map((p) => ` xmlns:${p}="${NS[p]}"`).join('');
  return `<s:Envelope xml:lang="en-US"${xmlns}><s:Header><a:Action>${action}</a:Action>` +
    `<a:MessageID>uuid:${upperGuid()}</a:MessageID><a:To>${ANONYMOUS}</a:To>` +
    `<a:RelatesTo>${xmlText(relatesTo)}</a:RelatesTo></s:Header><s:Body>${body}</s:Body></s:Envelope>`;
}

export interface CreatedShell {
  /** The listener URL the client addressed (`http://host:5985/wsman`). */
  address: string;
  shellId: string;
  owner: string;
  clientIp: string;
  idleTimeoutMs: number;
  inputStreams: string;
  outputStreams: string;
}

/** wxf:ResourceCreated plus the rsp:Shell Windows appends to it. */
export function createResponse(relatesTo: string, s: CreatedShell): string {
  const id = xmlText(s.shellId);
  return envelope(SHELL_NS, ACTION.createResponse, relatesTo,
    `<x:ResourceCreated><a:Address>${xmlText(s.address)}</a:Address><a:ReferenceParameters>` +
    `<w:ResourceURI>${CMD_SHELL_URI}</w:ResourceURI><w:SelectorSet><w:Selector Name="ShellId">${id}</w:Selector>` +
    `</w:SelectorSet></a:ReferenceParameters></x:ResourceCreated>` +
    `<rsp:Shell xmlns:rsp="${NS.rsp}"><rsp:ShellId>${id}</rsp:ShellId><rsp:ResourceUri>${CMD_SHELL_URI}</rsp:ResourceUri>` +
    `<rsp:Owner>${xmlText(s.owner)}</rsp:Owner><rsp:ClientIP>${xmlText(s.clientIp)}</rsp:ClientIP>` +
    `<rsp:IdleTimeOut>PT${(s.idleTimeoutMs / 1000).toFixed(3)}S</rsp:IdleTimeOut>` +
    `<rsp:InputStreams>${xmlText(s.inputStreams)}</rsp:InputStreams><rsp:OutputStreams>${xmlText(s.outputStreams)}</rsp:OutputStreams>` +
    '<rsp:ShellRunTime>P0DT0H0M0S</rsp:ShellRunTime><rsp:ShellInactivity>P0DT0H0M0S</rsp:ShellInactivity></rsp:Shell>');
}

export function commandResponse(relatesTo: string, commandId: string): string {
  return envelope(SHELL_NS, ACTION.commandResponse, relatesTo,
    `<rsp:CommandResponse><rsp:CommandId>${xmlText(commandId)}</rsp:CommandId></rsp:CommandResponse>`);
}

export function sendResponse(relatesTo: string): string {
  return envelope(SHELL_NS, ACTION.sendResponse, relatesTo, '<rsp:SendResponse/>');
}

export function signalResponse(relatesTo: string): string {
  return envelope(SHELL_NS, ACTION.signalResponse, relatesTo, '<rsp:SignalResponse/>');
}

export function deleteResponse(relatesTo: string): string {
  return envelope(DELETE_NS, ACTION.deleteResponse, relatesTo, '');
}

export interface StreamChunk {
  name: string;
  data: Buffer;
}

export interface ReceivedOutput {
  commandId: string;
  chunks: StreamChunk[];
  /** Set once the command has exited: every output stream then closes with End="true". */
  exitCode?: number;
  outputStreams: string[];
}

/** rsp:ReceiveResponse: one rsp:Stream per chunk in the order written, then the command's state. */
export function receiveResponse(relatesTo: string, out: ReceivedOutput): string {
  const id = xmlAttr(out.commandId);
  const stream = (name: string, inner: string, end = false) =>
    `<rsp:Stream Name="${xmlAttr(name)}" CommandId="${id}"${end ? ' End="true"' : ''}>${inner}</rsp:Stream>`;
  const parts = out.chunks.map((c) => stream(c.name, c.data.toString('base64')));
  if (out.exitCode === undefined) {
    parts.push(`<rsp:CommandState CommandId="${id}" State="${COMMAND_STATE.running}"></rsp:CommandState>`);
  } else {
    for (const name of out.outputStreams) parts.push(stream(name, '', true));
    parts.push(`<rsp:CommandState CommandId="${id}" State="${COMMAND_STATE.done}"><rsp:ExitCode>${out.exitCode}</rsp:ExitCode></rsp:CommandState>`);
  }
  return envelope(RECEIVE_NS, ACTION.receiveResponse, relatesTo, `<rsp:ReceiveResponse>${parts.join('')}</rsp:ReceiveResponse>`);
}

export interface WsmanFault {
  code: 's:Sender' | 's:Receiver';
  subcode: string;
  reason: string;
  /** xml:lang of the reason, which Windows leaves empty on some faults. */
  reasonLang: string;
  faultDetail?: string;
  wsmanCode: number;
  message: string;
}

/** A SOAP fault (HTTP 500) with Windows' f:WSManFault detail; `machine` is the name the client connected to. */
export function faultEnvelope(relatesTo: string, fault: WsmanFault, machine: string): string {
  const detail = fault.faultDetail ? `<w:FaultDetail>${fault.faultDetail}</w:FaultDetail>` : '';
  return envelope(FAULT_NS, ACTION.fault, relatesTo,
    `<s:Fault><s:Code><s:Value>${fault.code}</s:Value><s:Subcode><s:Value>${fault.subcode}</s:Value></s:Subcode></s:Code>` +
    `<s:Reason><s:Text xml:lang="${fault.reasonLang}">${xmlText(fault.reason)}</s:Text></s:Reason>` +
    `<s:Detail>${detail}<f:WSManFault xmlns:f="${NS.f}" Code="${fault.wsmanCode}" Machine="${xmlAttr(machine)}">` +
    `<f:Message>${xmlText(fault.message)}</f:Message></f:WSManFault></s:Detail></s:Fault>`);
}

const TIMED_OUT_TEXT = 'The WS-Management service cannot complete the operation within the time specified in OperationTimeout.  ';
const SCHEMA_TEXT = 'The SOAP XML in the message does not match the corresponding XML schema definition. Change the XML and retry. ';
const INVALID_SELECTORS = 'The WS-Management service cannot process the request because the request contained invalid selectors for the resource. ';

/** The faults fake-winrm answers with, worded and coded as Windows words and codes them. */
export const FAULTS = {
  /** Receive with nothing to say before OperationTimeout (ERROR_WSMAN_OPERATION_TIMEDOUT, 0x80338029). */
  timedOut: (): WsmanFault => ({
    code: 's:Receiver', subcode: 'w:TimedOut', reason: TIMED_OUT_TEXT, reasonLang: 'en-US', wsmanCode: 2150858793, message: TIMED_OUT_TEXT,
  }),
  /** Create past the user's shell quota, MaxShellsPerUser (ERROR_WSMAN_QUOTA_MAX_SHELLS, 0x803381A5). */
  shellQuota: (max: number): WsmanFault => ({
    code: 's:Sender', subcode: 'w:QuotaLimit', reasonLang: '', wsmanCode: 2150859173,
    reason: 'The WS-Management service cannot process the request. The maximum number of concurrent shells for this user has been exceeded. Close existing shells or raise the quota for this user. ',
    message: `The WS-Management service cannot process the request. This user is allowed a maximum number of ${max} concurrent shells, which has been exceeded. Close existing shells or raise the quota for this user. `,
  }),
  /** A ShellId the server does not know (deleted, timed out, never made): ERROR_WSMAN_INVALID_SELECTORS. */
  shellNotFound: (shellId: string): WsmanFault => ({
    code: 's:Sender', subcode: 'w:InvalidSelectors', reason: INVALID_SELECTORS, reasonLang: 'en-US', wsmanCode: 2150858843,
    faultDetail: 'http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/UnexpectedSelectors',
    message: `The request for the Windows Remote Shell with ShellId ${shellId} failed because the shell was not found on the server. Possible causes are: the specified ShellId is incorrect or the shell no longer exists on the server. Provide the correct ShellId or create a new shell and retry the operation. `,
  }),
  /** A CommandId the shell does not know, or one whose Done was already received. */
  commandNotFound: (): WsmanFault => ({
    code: 's:Sender', subcode: 'w:InvalidSelectors', reason: INVALID_SELECTORS, reasonLang: 'en-US', wsmanCode: 2150858843,
    faultDetail: 'http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/UnexpectedSelectors',
    message: 'The Windows Remote Shell received a request to perform an operation on a command identifier that does not exist. Either the command has completed execution or the client specified an invalid command identifier. ',
  }),
  /** A body that is not a WS-Management envelope WinRS understands. */
  schemaValidation: (): WsmanFault => ({
    code: 's:Sender', subcode: 'w:SchemaValidationError', reason: SCHEMA_TEXT, reasonLang: '', wsmanCode: 2150858817, message: SCHEMA_TEXT,
  }),
  /** An action outside WinRS (Get, Enumerate, ...): fake-winrm serves only the shell (ERROR_WSMAN_ACTION_NOT_SUPPORTED). */
  actionNotSupported: (): WsmanFault => ({
    code: 's:Sender', subcode: 'a:ActionNotSupported', reason: 'The action is not supported by the service. ', reasonLang: 'en-US',
    wsmanCode: 2150858771, message: 'The WS-Management service cannot process the request because the action is not supported. ',
  }),
} as const;
