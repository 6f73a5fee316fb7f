import { ACTION as REQUEST_ACTION, NS as CLIENT_NS, RESOURCE_URI_CMD, SIGNAL } from '../../runner/winrm/soap-messages.js';

/** The XML namespaces of WS-Management and WinRS, under the prefixes Windows itself writes. */
export const NS = {
  ...CLIENT_NS,
  e: 'http://schemas.xmlsoap.org/ws/2004/08/eventing',
  n: 'http://schemas.xmlsoap.org/ws/2004/09/enumeration',
} as const;

export type Prefix = keyof typeof NS;

const SHELL = 'http://schemas.microsoft.com/wbem/wsman/1/windows/shell';

/** The actions fake-winrm serves (the client's), and the ones it answers with. */
export const ACTION = {
  ...REQUEST_ACTION,
  createResponse: 'http://schemas.xmlsoap.org/ws/2004/09/transfer/CreateResponse',
  deleteResponse: 'http://schemas.xmlsoap.org/ws/2004/09/transfer/DeleteResponse',
  commandResponse: `${SHELL}/CommandResponse`,
  sendResponse: `${SHELL}/SendResponse`,
  receiveResponse: `${SHELL}/ReceiveResponse`,
  signalResponse: `${SHELL}/SignalResponse`,
  fault: 'http://schemas.dmtf.org/wbem/wsman/1/wsman/fault',
} as const;

export { SIGNAL };
export const CMD_SHELL_URI = RESOURCE_URI_CMD;
export const COMMAND_STATE = { running: `${SHELL}/CommandState/Running`, done: `${SHELL}/CommandState/Done` } as const;
export const ANONYMOUS = 'http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous';
