import { describe, expect, test } from 'vitest';
import {
  commandResponse, createResponse, deleteResponse, faultEnvelope, FAULTS, receiveResponse, sendResponse, signalResponse, upperGuid,
} from '../../../src/lab/fake-winrm/responses.js';
import { blankMessageId, CAPTURED } from './helpers/windows-captures.js';

describe('WinRS responses are byte for byte what Windows Server sends', () => {
  test('CreateResponse carries ResourceCreated with the ShellId selector and the rsp:Shell properties', () => {
    const xml = createResponse('uuid:FC40E3CD-53E9-4315-B486-6D538B25D1F5', {
      address: 'http://192.168.56.11:5985/wsman', shellId: '4283CBDC-3706-415B-88BD-B385F3E51A53', owner: 'vagrant',
      clientIp: '192.168.56.1', idleTimeoutMs: 7_200_000, inputStreams: 'stdin', outputStreams: 'stdout stderr',
    });
    expect(blankMessageId(xml)).toBe(CAPTURED.create);
  });

  test('CommandResponse, SendResponse, SignalResponse and DeleteResponse match their captures', () => {
    expect(blankMessageId(commandResponse('uuid:109656EA-8D8A-46E9-BE22-5AA2199C7A7A', 'CF84C20A-0A35-43FA-AF78-0B4711DA5F30'))).toBe(CAPTURED.command);
    expect(blankMessageId(sendResponse('uuid:A74B4E0C-598A-46B6-8086-4FB4F7552996'))).toBe(CAPTURED.send);
    expect(blankMessageId(signalResponse('uuid:39F0C1EF-D3FD-4905-A01D-5524640DDD61'))).toBe(CAPTURED.signal);
    expect(blankMessageId(deleteResponse('uuid:CFC01FC6-2D1B-4B58-990E-8708C586CB73'))).toBe(CAPTURED.delete);
  });

  test('a finished command closes every output stream with End="true" before CommandState Done and its ExitCode', () => {
    const xml = receiveResponse('uuid:04B0C60D-4F38-4727-A2C3-D0D945229C6D', {
      commandId: 'D37A8327-79AD-452F-BE0D-4B99A96B4A0B', outputStreams: ['stdout', 'stderr'], exitCode: 1,
      chunks: [{ name: 'stdout', data: Buffer.from('out \r\n') }, { name: 'stderr', data: Buffer.from('err \r\n') }],
    });
    expect(blankMessageId(xml)).toBe(CAPTURED.receiveDone);
  });

  test('a running command reports its chunks and CommandState Running without an ExitCode', () => {
    const xml = receiveResponse('uuid:18A52A06-9027-41DC-8850-3F244595AF62', {
      commandId: '1A6DEE6B-EC68-4DD6-87E9-030C0048ECC4', outputStreams: ['stdout', 'stderr'],
      chunks: [{ name: 'stdout', data: Buffer.from("That's all folks!!!") }, { name: 'stderr', data: Buffer.from("This is stderr, I'm pretty sure!") }],
    });
    expect(blankMessageId(xml)).toBe(CAPTURED.receiveRunning);
  });

  test('the unknown-command fault and the OperationTimeout fault match Windows to the trailing spaces', () => {
    expect(blankMessageId(faultEnvelope('uuid:1E4F574C-3C19-46E9-A544-B71D78C95E7B', FAULTS.commandNotFound(), '192.168.56.15'))).toBe(CAPTURED.commandNotFound);
    expect(blankMessageId(faultEnvelope('uuid:7340FE92-C302-42E5-A337-1918908654F8', FAULTS.timedOut(), 'server2022.domain.test'))).toBe(CAPTURED.timedOut);
  });

  test('the shell quota fault is w:QuotaLimit with ERROR_WSMAN_QUOTA_MAX_SHELLS and names the limit', () => {
    const xml = faultEnvelope('uuid:1', FAULTS.shellQuota(30), 'fs01');
    expect(xml).toContain('<s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>w:QuotaLimit</s:Value></s:Subcode></s:Code>');
    expect(xml).toContain('Code="2150859173" Machine="fs01"');
    expect(xml).toContain('<f:Message>The WS-Management service cannot process the request. This user is allowed a maximum number of 30 concurrent shells, which has been exceeded. Close existing shells or raise the quota for this user. </f:Message>');
  });

  test('a missing ShellId is named in the fault, as Windows names it', () => {
    const xml = faultEnvelope('uuid:1', FAULTS.shellNotFound('0D6FCA9D-2D40-44C3-B691-E665BE7AA687'), 'fs01');
    expect(xml).toContain('Code="2150858843"');
    expect(xml).toContain('The request for the Windows Remote Shell with ShellId 0D6FCA9D-2D40-44C3-B691-E665BE7AA687 failed because the shell was not found on the server.');
  });
});

describe('response helpers', () => {
  test('GUIDs come in upper case, as WinRM prints ShellIds and CommandIds', () => {
    expect(upperGuid()).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
  });

  test('values are escaped where they go: a ShellId or owner in text, a machine name in an attribute', () => {
    const created = createResponse('uuid:1', { address: 'http://h/wsman', shellId: 'S', owner: 'a<b&c', clientIp: '1', idleTimeoutMs: 1000, inputStreams: 'stdin', outputStreams: 'stdout' });
    expect(created).toContain('<rsp:Owner>a&lt;b&amp;c</rsp:Owner>');
    expect(faultEnvelope('uuid:1', FAULTS.timedOut(), 'x"y')).toContain('Machine="x&quot;y"');
  });
});
