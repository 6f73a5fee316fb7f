/** The XML namespaces of WS-Management and WinRS, under the prefixes Windows itself writes. */
export const NS = {
  s: 'http://www.w3.org/2003/05/soap-envelope',
  a: 'http://schemas.xmlsoap.org/ws/2004/08/addressing',
  x: 'http://schemas.xmlsoap.org/ws/2004/09/transfer',
  e: 'http://schemas.xmlsoap.org/ws/2004/08/eventing',
  n: 'http://schemas.xmlsoap.org/ws/2004/09/enumeration',
  w: 'http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd',
  p: 'http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd',
  rsp: 'http://schemas.microsoft.com/wbem/wsman/1/windows/shell',
  f: 'http://schemas.microsoft.com/wbem/wsman/1/wsmanfault',
} as const;

export type Prefix = keyof typeof NS;

const SHELL = 'http://schemas.microsoft.com/wbem/wsman/1/windows/shell';

/** The actions fake-winrm serves, and the ones it answers with. */
export const ACTION = {
  create: 'http://schemas.xmlsoap.org/ws/2004/09/transfer/Create',
  createResponse: 'http://schemas.xmlsoap.org/ws/2004/09/transfer/CreateResponse',
  delete: 'http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete',
  deleteResponse: 'http://schemas.xmlsoap.org/ws/2004/09/transfer/DeleteResponse',
  command: `${SHELL}/Command`,
  commandResponse: `${SHELL}/CommandResponse`,
  send: `${SHELL}/Send`,
  sendResponse: `${SHELL}/SendResponse`,
  receive: `${SHELL}/Receive`,
  receiveResponse: `${SHELL}/ReceiveResponse`,
  signal: `${SHELL}/Signal`,
  signalResponse: `${SHELL}/SignalResponse`,
  fault: 'http://schemas.dmtf.org/wbem/wsman/1/wsman/fault',
} as const;

export const CMD_SHELL_URI = `${SHELL}/cmd`;
export const COMMAND_STATE = { running: `${SHELL}/CommandState/Running`, done: `${SHELL}/CommandState/Done` } as const;
export const SIGNAL = { terminate: `${SHELL}/signal/terminate`, ctrlC: `${SHELL}/signal/ctrl_c` } as const;
export const ANONYMOUS = 'http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous';
