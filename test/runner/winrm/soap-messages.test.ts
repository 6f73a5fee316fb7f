import { describe, expect, it } from 'vitest';
import {
  commandMessage,
  createShellMessage,
  deleteShellMessage,
  MAX_ENVELOPE_SIZE,
  quoteWindowsArg,
  receiveMessage,
  sendMessage,
  signalMessage,
  SIGNAL,
  stdinChunks,
  xmlAttr,
  xmlText,
  type SessionHeaders,
} from '../../../src/runner/winrm/soap-messages.js';
import { all, at, xmlTree, type XmlNode } from './helpers/xml-tree.js';

// The namespaces of MS-WSMV's examples, written out here so a typo in the builder cannot hide behind a shared constant.
const S = 'http://www.w3.org/2003/05/soap-envelope';
const WSA = 'http://schemas.xmlsoap.org/ws/2004/08/addressing';
const WSMAN = 'http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd';
const MSWSMAN = 'http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd';
const RSP = 'http://schemas.microsoft.com/wbem/wsman/1/windows/shell';
const XML = 'http://www.w3.org/XML/1998/namespace';
const CMD_URI = 'http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd';

const session: SessionHeaders = { to: 'https://web01.corp.example:5986/wsman', operationTimeoutS: 20 };
const SHELL = '0A3F6C2E-1B2D-4E5F-8A9B-0C1D2E3F4A5B';
const COMMAND = '77DF7BB6-B5A0-4777-ABD9-9823C0774074';

function header(doc: XmlNode): XmlNode {
  return at(doc, [S, 'Header']);
}
function body(doc: XmlNode): XmlNode {
  return at(doc, [S, 'Body']);
}
function options(doc: XmlNode): Record<string, string> {
  const set = at(header(doc), [WSMAN, 'OptionSet']);
  return Object.fromEntries(all(set, WSMAN, 'Option').map((o) => [o.attrs.Name, o.text]));
}

describe('every envelope', () => {
  const doc = xmlTree(createShellMessage(session).xml);
  const h = header(doc);

  it('is a SOAP 1.2 envelope with a header and a body', () => {
    expect([doc.uri, doc.local]).toEqual([S, 'Envelope']);
    expect(h.local).toBe('Header');
    expect(body(doc).local).toBe('Body');
  });

  it('addresses the endpoint and asks for the reply on the same connection (anonymous ReplyTo)', () => {
    expect(at(h, [WSA, 'To']).text).toBe('https://web01.corp.example:5986/wsman');
    const address = at(h, [WSA, 'ReplyTo'], [WSA, 'Address']);
    expect(address.text).toBe('http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous');
    expect(address.attrs[`{${S}}mustUnderstand`]).toBe('true');
  });

  it('names the cmd shell resource URI and the action, both mustUnderstand', () => {
    const resource = at(h, [WSMAN, 'ResourceURI']);
    expect(resource.text).toBe(CMD_URI);
    expect(resource.attrs[`{${S}}mustUnderstand`]).toBe('true');
    expect(at(h, [WSA, 'Action']).attrs[`{${S}}mustUnderstand`]).toBe('true');
  });

  it('carries MaxEnvelopeSize 153600 mustUnderstand, a uuid: MessageID, Locale and DataLocale, and the OperationTimeout', () => {
    const max = at(h, [WSMAN, 'MaxEnvelopeSize']);
    expect(max.text).toBe(String(MAX_ENVELOPE_SIZE));
    expect(max.attrs[`{${S}}mustUnderstand`]).toBe('true');
    expect(at(h, [WSA, 'MessageID']).text).toMatch(/^uuid:[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    const locale = at(h, [WSMAN, 'Locale']);
    expect(locale.attrs[`{${XML}}lang`]).toBe('en-US');
    expect(locale.attrs[`{${S}}mustUnderstand`]).toBe('false');
    expect(at(h, [MSWSMAN, 'DataLocale']).attrs[`{${XML}}lang`]).toBe('en-US');
    expect(at(h, [WSMAN, 'OperationTimeout']).text).toBe('PT20.000S');
  });

  it('gets a MessageID of its own each time', () => {
    const a = createShellMessage(session);
    const b = createShellMessage(session);
    expect(a.messageId).not.toBe(b.messageId);
    expect(at(header(xmlTree(a.xml)), [WSA, 'MessageID']).text).toBe(a.messageId);
  });
});

describe('Create', () => {
  it('is a wst:Create of a shell with stdin in and stdout stderr out, no profile, UTF-8 code page', () => {
    const doc = xmlTree(createShellMessage(session).xml);
    expect(at(header(doc), [WSA, 'Action']).text).toBe('http://schemas.xmlsoap.org/ws/2004/09/transfer/Create');
    expect(options(doc)).toEqual({ WINRS_NOPROFILE: 'TRUE', WINRS_CODEPAGE: '65001' });
    const shell = at(body(doc), [RSP, 'Shell']);
    expect(at(shell, [RSP, 'InputStreams']).text).toBe('stdin');
    expect(at(shell, [RSP, 'OutputStreams']).text).toBe('stdout stderr');
    expect(header(doc).children.some((c) => c.local === 'SelectorSet')).toBe(false);
  });

  it('asks for an idle timeout when given one, so an abandoned shell ends by itself', () => {
    const doc = xmlTree(createShellMessage(session, { idleTimeoutS: 300 }).xml);
    expect(at(body(doc), [RSP, 'Shell'], [RSP, 'IdleTimeOut']).text).toBe('PT300.000S');
  });
});

describe('Command', () => {
  const doc = xmlTree(commandMessage(session, SHELL, 'powershell.exe', ['-NoProfile', '-NonInteractive', '-EncodedCommand', 'JABhAA==']).xml);

  it('targets the shell by its ShellId selector', () => {
    const selector = at(header(doc), [WSMAN, 'SelectorSet'], [WSMAN, 'Selector']);
    expect(selector.attrs.Name).toBe('ShellId');
    expect(selector.text).toBe(SHELL);
  });

  it('starts the program without cmd.exe and with stdin as a pipe', () => {
    expect(at(header(doc), [WSA, 'Action']).text).toBe('http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Command');
    expect(options(doc)).toEqual({ WINRS_CONSOLEMODE_STDIN: 'FALSE', WINRS_SKIP_CMD_SHELL: 'TRUE' });
  });

  it('puts the program in rsp:Command and its arguments in rsp:Arguments', () => {
    const line = at(body(doc), [RSP, 'CommandLine']);
    expect(at(line, [RSP, 'Command']).text).toBe('powershell.exe');
    expect(at(line, [RSP, 'Arguments']).text).toBe('-NoProfile -NonInteractive -EncodedCommand JABhAA==');
  });

  it('leaves rsp:Arguments out when there are none', () => {
    const bare = xmlTree(commandMessage(session, SHELL, 'hostname', []).xml);
    expect(at(body(bare), [RSP, 'CommandLine']).children.map((c) => c.local)).toEqual(['Command']);
  });
});

describe('Send', () => {
  it('carries stdin as base64 in rsp:Stream Name="stdin" with the CommandId, and End="true" on the last piece', () => {
    const data = Buffer.from('Write-Output "é"\n', 'utf8');
    const last = at(body(xmlTree(sendMessage(session, SHELL, COMMAND, data, true).xml)), [RSP, 'Send'], [RSP, 'Stream']);
    expect(last.attrs).toEqual({ Name: 'stdin', CommandId: COMMAND, End: 'true' });
    expect(Buffer.from(last.text, 'base64').equals(data)).toBe(true);
    const middle = at(body(xmlTree(sendMessage(session, SHELL, COMMAND, data, false).xml)), [RSP, 'Send'], [RSP, 'Stream']);
    expect(middle.attrs.End).toBeUndefined();
  });
});

describe('Receive', () => {
  it('asks for stdout and stderr of the command, with the keep-alive option', () => {
    const doc = xmlTree(receiveMessage(session, SHELL, COMMAND).xml);
    expect(at(header(doc), [WSA, 'Action']).text).toBe('http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Receive');
    expect(options(doc)).toEqual({ WSMAN_CMDSHELL_OPTION_KEEPALIVE: 'TRUE' });
    const desired = at(body(doc), [RSP, 'Receive'], [RSP, 'DesiredStream']);
    expect(desired.attrs.CommandId).toBe(COMMAND);
    expect(desired.text).toBe('stdout stderr');
  });
});

describe('Signal', () => {
  it('sends the terminate code to the command by default, and ctrl_c when asked', () => {
    const terminate = at(body(xmlTree(signalMessage(session, SHELL, COMMAND).xml)), [RSP, 'Signal']);
    expect(terminate.attrs.CommandId).toBe(COMMAND);
    expect(at(terminate, [RSP, 'Code']).text).toBe('http://schemas.microsoft.com/wbem/wsman/1/windows/shell/signal/terminate');
    const ctrlC = at(body(xmlTree(signalMessage(session, SHELL, COMMAND, SIGNAL.ctrlC).xml)), [RSP, 'Signal'], [RSP, 'Code']);
    expect(ctrlC.text).toBe('http://schemas.microsoft.com/wbem/wsman/1/windows/shell/signal/ctrl_c');
  });
});

describe('Delete', () => {
  it('is a wst:Delete of the shell with an empty body', () => {
    const doc = xmlTree(deleteShellMessage(session, SHELL).xml);
    expect(at(header(doc), [WSA, 'Action']).text).toBe('http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete');
    expect(at(header(doc), [WSMAN, 'SelectorSet'], [WSMAN, 'Selector']).text).toBe(SHELL);
    expect(body(doc).children).toEqual([]);
  });
});

describe('escaping', () => {
  it('keeps markup characters in text and attributes as data, never as XML', () => {
    const hostile = `a<b>&c"d'e]]>f`;
    const doc = xmlTree(commandMessage({ ...session, to: `http://x/${hostile}` }, hostile, hostile, [hostile]).xml);
    expect(at(header(doc), [WSA, 'To']).text).toBe(`http://x/${hostile}`);
    expect(at(header(doc), [WSMAN, 'SelectorSet'], [WSMAN, 'Selector']).text).toBe(hostile);
    expect(at(body(doc), [RSP, 'CommandLine'], [RSP, 'Command']).text).toBe(hostile);
    const signal = at(body(xmlTree(signalMessage(session, SHELL, hostile).xml)), [RSP, 'Signal']);
    expect(signal.attrs.CommandId).toBe(hostile);
  });

  it('keeps tabs and line breaks of an attribute through a parser', () => {
    expect(xmlTree(`<a v="${xmlAttr('x\ty\nz\r')}"/>`).attrs.v).toBe('x\ty\nz\r');
  });

  it('drops characters XML 1.0 cannot carry instead of writing a broken document', () => {
    expect(xmlText('a\u0000b\u001Fc\uD800d')).toBe('abcd');
    expect(xmlText('emoji 😀 stays')).toBe('emoji 😀 stays');
  });
});

describe('stdin pieces', () => {
  it('keep every Send envelope well under the 150 KB MaxEnvelopeSizekb of older servers and rejoin to the input', () => {
    const input = Buffer.from('x'.repeat(350_000) + 'é'.repeat(1000), 'utf8');
    const pieces = stdinChunks(input);
    expect(pieces.length).toBeGreaterThan(1);
    expect(Buffer.concat(pieces).equals(input)).toBe(true);
    for (const [i, piece] of pieces.entries()) {
      const xml = sendMessage(session, SHELL, COMMAND, piece, i === pieces.length - 1).xml;
      expect(Buffer.byteLength(xml)).toBeLessThan(100 * 1024);
    }
  });

  it('are one empty piece for empty input, so End can still close stdin', () => {
    expect(stdinChunks(Buffer.alloc(0))).toEqual([Buffer.alloc(0)]);
    expect(stdinChunks([Buffer.alloc(0), Buffer.alloc(0)])).toEqual([Buffer.alloc(0)]);
  });

  it('cut input given as parts part by part, as views of each part, so a shared bundle is never copied', () => {
    const shared = Buffer.from('b'.repeat(130_000), 'utf8');
    const tail = Buffer.from('\n#FSPAYLOAD e30=\n', 'utf8');
    const pieces = stdinChunks([shared, Buffer.alloc(0), tail], 60_000);
    expect(pieces.map((p) => p.length)).toEqual([60_000, 60_000, 10_000, tail.length]);
    expect(Buffer.concat(pieces).equals(Buffer.concat([shared, tail]))).toBe(true);
    for (const piece of pieces.slice(0, 3)) expect(piece.buffer).toBe(shared.buffer);
  });
});

describe('Windows argument quoting', () => {
  it('leaves plain arguments alone and quotes the rest the way CommandLineToArgvW reads them', () => {
    expect(quoteWindowsArg('-NoProfile')).toBe('-NoProfile');
    expect(quoteWindowsArg('')).toBe('""');
    expect(quoteWindowsArg('C:\\Program Files\\x')).toBe('"C:\\Program Files\\x"');
    expect(quoteWindowsArg('say "hi"')).toBe('"say \\"hi\\""');
    expect(quoteWindowsArg('dir\\ ends\\')).toBe('"dir\\ ends\\\\"');
    expect(quoteWindowsArg('a\\"b c')).toBe('"a\\\\\\"b c"');
  });
});
