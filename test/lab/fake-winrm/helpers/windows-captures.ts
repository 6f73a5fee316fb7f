// Responses of real Windows Server WinRM listeners, as recorded in public client test suites (pypsrp's
// recorded WinRS sessions against Server 2012 R2/2016, pypsrp's fault tests against Server 2022). The
// fake's answers are compared with them after the per-message values (MessageID, ActivityId) are
// blanked. One line each, as Windows sends them.

const HEAD = (ns: string, action: string, relatesTo: string) =>
  `<s:Envelope xml:lang="en-US" ${ns}><s:Header><a:Action>${action}</a:Action><a:MessageID>uuid:MSGID</a:MessageID>` +
  `<a:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:To><a:RelatesTo>${relatesTo}</a:RelatesTo></s:Header>`;

const SHELL_NS = 'xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:x="http://schemas.xmlsoap.org/ws/2004/09/transfer" xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd" xmlns:rsp="http://schemas.microsoft.com/wbem/wsman/1/windows/shell" xmlns:p="http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd"';
const RECEIVE_NS = 'xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd" xmlns:rsp="http://schemas.microsoft.com/wbem/wsman/1/windows/shell" xmlns:p="http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd"';
const DELETE_NS = 'xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd" xmlns:p="http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd"';
const FAULT_NS = 'xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:x="http://schemas.xmlsoap.org/ws/2004/09/transfer" xmlns:e="http://schemas.xmlsoap.org/ws/2004/08/eventing" xmlns:n="http://schemas.xmlsoap.org/ws/2004/09/enumeration" xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd" xmlns:p="http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd"';

export const CAPTURED = {
  create: HEAD(SHELL_NS, 'http://schemas.xmlsoap.org/ws/2004/09/transfer/CreateResponse', 'uuid:FC40E3CD-53E9-4315-B486-6D538B25D1F5') +
    '<s:Body><x:ResourceCreated><a:Address>http://192.168.56.11:5985/wsman</a:Address><a:ReferenceParameters><w:ResourceURI>http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd</w:ResourceURI><w:SelectorSet><w:Selector Name="ShellId">4283CBDC-3706-415B-88BD-B385F3E51A53</w:Selector></w:SelectorSet></a:ReferenceParameters></x:ResourceCreated><rsp:Shell xmlns:rsp="http://schemas.microsoft.com/wbem/wsman/1/windows/shell"><rsp:ShellId>4283CBDC-3706-415B-88BD-B385F3E51A53</rsp:ShellId><rsp:ResourceUri>http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd</rsp:ResourceUri><rsp:Owner>vagrant</rsp:Owner><rsp:ClientIP>192.168.56.1</rsp:ClientIP><rsp:IdleTimeOut>PT7200.000S</rsp:IdleTimeOut><rsp:InputStreams>stdin</rsp:InputStreams><rsp:OutputStreams>stdout stderr</rsp:OutputStreams><rsp:ShellRunTime>P0DT0H0M0S</rsp:ShellRunTime><rsp:ShellInactivity>P0DT0H0M0S</rsp:ShellInactivity></rsp:Shell></s:Body></s:Envelope>',
  command: HEAD(SHELL_NS, 'http://schemas.microsoft.com/wbem/wsman/1/windows/shell/CommandResponse', 'uuid:109656EA-8D8A-46E9-BE22-5AA2199C7A7A') +
    '<s:Body><rsp:CommandResponse><rsp:CommandId>CF84C20A-0A35-43FA-AF78-0B4711DA5F30</rsp:CommandId></rsp:CommandResponse></s:Body></s:Envelope>',
  send: HEAD(SHELL_NS, 'http://schemas.microsoft.com/wbem/wsman/1/windows/shell/SendResponse', 'uuid:A74B4E0C-598A-46B6-8086-4FB4F7552996') +
    '<s:Body><rsp:SendResponse/></s:Body></s:Envelope>',
  receiveDone: HEAD(RECEIVE_NS, 'http://schemas.microsoft.com/wbem/wsman/1/windows/shell/ReceiveResponse', 'uuid:04B0C60D-4F38-4727-A2C3-D0D945229C6D') +
    '<s:Body><rsp:ReceiveResponse><rsp:Stream Name="stdout" CommandId="D37A8327-79AD-452F-BE0D-4B99A96B4A0B">b3V0IA0K</rsp:Stream><rsp:Stream Name="stderr" CommandId="D37A8327-79AD-452F-BE0D-4B99A96B4A0B">ZXJyIA0K</rsp:Stream><rsp:Stream Name="stdout" CommandId="D37A8327-79AD-452F-BE0D-4B99A96B4A0B" End="true"></rsp:Stream><rsp:Stream Name="stderr" CommandId="D37A8327-79AD-452F-BE0D-4B99A96B4A0B" End="true"></rsp:Stream><rsp:CommandState CommandId="D37A8327-79AD-452F-BE0D-4B99A96B4A0B" State="http://schemas.microsoft.com/wbem/wsman/1/windows/shell/CommandState/Done"><rsp:ExitCode>1</rsp:ExitCode></rsp:CommandState></rsp:ReceiveResponse></s:Body></s:Envelope>',
  receiveRunning: HEAD(RECEIVE_NS, 'http://schemas.microsoft.com/wbem/wsman/1/windows/shell/ReceiveResponse', 'uuid:18A52A06-9027-41DC-8850-3F244595AF62') +
    '<s:Body><rsp:ReceiveResponse><rsp:Stream Name="stdout" CommandId="1A6DEE6B-EC68-4DD6-87E9-030C0048ECC4">VGhhdCdzIGFsbCBmb2xrcyEhIQ==</rsp:Stream><rsp:Stream Name="stderr" CommandId="1A6DEE6B-EC68-4DD6-87E9-030C0048ECC4">VGhpcyBpcyBzdGRlcnIsIEknbSBwcmV0dHkgc3VyZSE=</rsp:Stream><rsp:CommandState CommandId="1A6DEE6B-EC68-4DD6-87E9-030C0048ECC4" State="http://schemas.microsoft.com/wbem/wsman/1/windows/shell/CommandState/Running"></rsp:CommandState></rsp:ReceiveResponse></s:Body></s:Envelope>',
  signal: HEAD(SHELL_NS, 'http://schemas.microsoft.com/wbem/wsman/1/windows/shell/SignalResponse', 'uuid:39F0C1EF-D3FD-4905-A01D-5524640DDD61') +
    '<s:Body><rsp:SignalResponse/></s:Body></s:Envelope>',
  delete: HEAD(DELETE_NS, 'http://schemas.xmlsoap.org/ws/2004/09/transfer/DeleteResponse', 'uuid:CFC01FC6-2D1B-4B58-990E-8708C586CB73') +
    '<s:Body></s:Body></s:Envelope>',
  commandNotFound: HEAD(FAULT_NS, 'http://schemas.dmtf.org/wbem/wsman/1/wsman/fault', 'uuid:1E4F574C-3C19-46E9-A544-B71D78C95E7B') +
    '<s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>w:InvalidSelectors</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang="en-US">The WS-Management service cannot process the request because the request contained invalid selectors for the resource. </s:Text></s:Reason><s:Detail><w:FaultDetail>http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/UnexpectedSelectors</w:FaultDetail><f:WSManFault xmlns:f="http://schemas.microsoft.com/wbem/wsman/1/wsmanfault" Code="2150858843" Machine="192.168.56.15"><f:Message>The Windows Remote Shell received a request to perform an operation on a command identifier that does not exist. Either the command has completed execution or the client specified an invalid command identifier. </f:Message></f:WSManFault></s:Detail></s:Fault></s:Body></s:Envelope>',
  timedOut: HEAD(FAULT_NS, 'http://schemas.dmtf.org/wbem/wsman/1/wsman/fault', 'uuid:7340FE92-C302-42E5-A337-1918908654F8') +
    '<s:Body><s:Fault><s:Code><s:Value>s:Receiver</s:Value><s:Subcode><s:Value>w:TimedOut</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang="en-US">The WS-Management service cannot complete the operation within the time specified in OperationTimeout.  </s:Text></s:Reason><s:Detail><f:WSManFault xmlns:f="http://schemas.microsoft.com/wbem/wsman/1/wsmanfault" Code="2150858793" Machine="server2022.domain.test"><f:Message>The WS-Management service cannot complete the operation within the time specified in OperationTimeout.  </f:Message></f:WSManFault></s:Detail></s:Fault></s:Body></s:Envelope>',
};

/** Our answer with its fresh MessageID blanked, comparable with CAPTURED. */
export function blankMessageId(xml: string): string {
  return xml.replace(/<a:MessageID>uuid:[0-9A-F-]{36}<\/a:MessageID>/, '<a:MessageID>uuid:MSGID</a:MessageID>');
}
