import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isOperationTimeout, parseWsmanResponse, type WsmanResponse } from '../../../src/runner/winrm/soap-response.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'winrm');

function parsed(name: string): WsmanResponse {
  const result = parseWsmanResponse(readFileSync(path.join(FIXTURES, name), 'utf8'));
  if (!result.ok) throw new Error(result.reason);
  return result.response;
}

describe('a Create answer', () => {
  it('gives the ShellId from the ResourceCreated selector, and the RelatesTo of the request', () => {
    const r = parsed('create-response.xml');
    expect(r.shellId).toBe('0A3F6C2E-1B2D-4E5F-8A9B-0C1D2E3F4A5B');
    expect(r.relatesTo).toBe('uuid:AF6A2E07-BA33-496E-8AFA-E77D241A2F2F');
    expect(r.action).toBe('http://schemas.xmlsoap.org/ws/2004/09/transfer/CreateResponse');
    expect(r.fault).toBeUndefined();
  });

  it('gives the same ShellId when the answer also carries the rsp:Shell block of newer servers', () => {
    expect(parsed('create-response-with-shell.xml').shellId).toBe('9D8C7B6A-5F4E-4D3C-8B2A-1F0E9D8C7B6A');
  });
});

describe('a Command answer', () => {
  it('gives the CommandId', () => {
    expect(parsed('command-response.xml').commandId).toBe('77DF7BB6-B5A0-4777-ABD9-9823C0774074');
  });
});

describe('a Receive answer', () => {
  it('gives every stream in document order with its name, CommandId and decoded bytes', () => {
    const r = parsed('receive-running.xml');
    expect(r.streams.map((s) => [s.name, s.commandId, s.end])).toEqual([
      ['stdout', '77DF7BB6-B5A0-4777-ABD9-9823C0774074', false],
      ['stdout', '77DF7BB6-B5A0-4777-ABD9-9823C0774074', false],
      ['stderr', '77DF7BB6-B5A0-4777-ABD9-9823C0774074', false],
    ]);
    // The fixture splits "é" between two stream elements: the bytes stay as they came, nothing is decoded early.
    expect(Buffer.concat([r.streams[0]!.data, r.streams[1]!.data]).toString('utf8')).toBe('FS-1 check e30=\r\ncafé\r\n');
    expect(r.streams[0]!.data.at(-1)).toBe(0xc3);
    expect(r.commandState).toEqual({ commandId: '77DF7BB6-B5A0-4777-ABD9-9823C0774074', state: 'Running', exitCode: undefined });
  });

  it('marks the End of each stream and reads CommandState Done with its ExitCode', () => {
    const r = parsed('receive-done.xml');
    expect(r.streams.map((s) => [s.name, s.end, s.data.length])).toEqual([
      ['stdout', false, 18],
      ['stdout', true, 0],
      ['stderr', true, 0],
    ]);
    expect(r.commandState?.state).toBe('Done');
    expect(r.commandState?.exitCode).toBe(3);
  });
});

describe('a fault', () => {
  it('of OperationTimeout gives code, subcode, reason and the WSManFault code 2150858793, which means "ask again"', () => {
    const f = parsed('fault-timed-out.xml').fault!;
    expect(f).toMatchObject({ code: 's:Receiver', subcode: 'w:TimedOut', wsmanCode: 2150858793, machine: 'web01.corp.example' });
    expect(f.reason).toBe('The WS-Management service cannot complete the operation within the time specified in OperationTimeout.');
    expect(f.message).toBe(f.reason);
    expect(isOperationTimeout(f)).toBe(true);
  });

  it('of the per-user shell quota gives w:QuotaLimit and the quota message', () => {
    const f = parsed('fault-quota.xml').fault!;
    expect(f).toMatchObject({ subcode: 'w:QuotaLimit', wsmanCode: 2150859173 });
    expect(f.message).toMatch(/^The WS-Management service cannot process the request\. This user is allowed a maximum number of 30 concurrent shells/);
    expect(isOperationTimeout(f)).toBe(false);
  });

  it('of access denied gives w:AccessDenied and WSManFault 5', () => {
    const f = parsed('fault-access-denied.xml').fault!;
    expect(f).toMatchObject({ code: 's:Sender', subcode: 'w:AccessDenied', wsmanCode: 5, message: 'Access is denied.' });
    expect(isOperationTimeout(f)).toBe(false);
  });

  it('reads the text and the provider of a nested f:ProviderFault', () => {
    const f = parsed('fault-provider.xml').fault!;
    expect(f).toMatchObject({ wsmanCode: 87, provider: 'Shell cmd plugin', message: 'The parameter is incorrect.' });
  });

  it('without a WSManFault detail counts as a timeout only by its w:TimedOut subcode', () => {
    expect(isOperationTimeout({ subcode: 'w:TimedOut' })).toBe(true);
    expect(isOperationTimeout({ subcode: 'w:TimedOut', wsmanCode: 2150858795 })).toBe(false);
    expect(isOperationTimeout({ subcode: 'w:QuotaLimit' })).toBe(false);
  });
});

describe('names', () => {
  it('are matched by namespace, not by prefix', () => {
    const xml = readFileSync(path.join(FIXTURES, 'command-response.xml'), 'utf8')
      .replace(/xmlns:rsp=/, 'xmlns:shell=')
      .replace(/rsp:/g, 'shell:');
    const r = parseWsmanResponse(xml);
    expect(r.ok && r.response.commandId).toBe('77DF7BB6-B5A0-4777-ABD9-9823C0774074');
    const wrongNamespace = parseWsmanResponse(xml.replace('http://schemas.microsoft.com/wbem/wsman/1/windows/shell"', 'urn:other"'));
    expect(wrongNamespace.ok && wrongNamespace.response.commandId).toBeUndefined();
  });
});

describe('hostile or broken input', () => {
  it('is refused when it carries a DOCTYPE, and an entity it declares is never expanded', () => {
    const r = parseWsmanResponse('<!DOCTYPE s:Envelope [<!ENTITY x "EXPANDED">]><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>&x;</s:Body></s:Envelope>');
    expect(r).toEqual({ ok: false, reason: 'the answer carries a DOCTYPE, which WS-Management never sends' });
  });

  it('refuses an external entity reference as an undefined entity', () => {
    const r = parseWsmanResponse('<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>&xxe;</s:Body></s:Envelope>');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^malformed XML: .*undefined entity/);
  });

  it('still reads the five XML entities and character references', () => {
    const r = parseWsmanResponse(
      '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><s:Fault><s:Reason><s:Text>a &lt;b&gt; &amp; &quot;c&quot; &#233;</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>',
    );
    expect(r.ok && r.response.fault?.reason).toBe('a <b> & "c" é');
  });

  it('says so when the answer is not XML, not well-formed, or not a SOAP envelope', () => {
    expect(parseWsmanResponse('<html><body>Bad Request</body></html>')).toEqual({ ok: false, reason: 'the answer is <html>, not a SOAP 1.2 envelope' });
    expect(parseWsmanResponse('<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>').ok).toBe(false);
    expect(parseWsmanResponse('HTTP Error 503. The service is unavailable.').ok).toBe(false);
    expect(parseWsmanResponse('<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"/>').ok).toBe(false);
  });

  it('refuses a stream that is not base64', () => {
    const xml = readFileSync(path.join(FIXTURES, 'receive-done.xml'), 'utf8').replace('RlMtMSByZXBvcnQgZTMwPQ0K', 'not base64!');
    expect(parseWsmanResponse(xml)).toEqual({ ok: false, reason: 'an output stream is not base64' });
  });
});
