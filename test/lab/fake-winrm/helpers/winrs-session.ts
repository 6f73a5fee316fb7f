import { randomUUID } from 'node:crypto';
import { decryptBody, encryptBody } from '../../../../src/runner/winrm/encryption.js';
import { NtlmClient, type NtlmSession } from '../../../../src/runner/winrm/ntlm/index.js';
import { ACTION, CMD_SHELL_URI, NS } from '../../../../src/lab/fake-winrm/namespaces.js';
import { child, childrenNamed, parseXml, type XmlElement } from '../../../../src/lab/fake-winrm/xml-reader.js';
import { headerValues, type RawConnection, type RawResponse } from './raw-http.js';

const SOAP_TYPE = 'application/soap+xml;charset=UTF-8';

/** A request envelope shaped like the ones pywinrm and PowerShell send. */
export function requestEnvelope(action: string, body: string, o: { shellId?: string; timeout?: string; to?: string } = {}): string {
  const selector = o.shellId ? `<w:SelectorSet><w:Selector Name="ShellId">${o.shellId}</w:Selector></w:SelectorSet>` : '';
  return `<s:Envelope xmlns:s="${NS.s}" xmlns:a="${NS.a}" xmlns:w="${NS.w}" xmlns:rsp="${NS.rsp}"><s:Header>` +
    `<a:To>${o.to ?? 'http://localhost:5985/wsman'}</a:To><w:ResourceURI s:mustUnderstand="true">${CMD_SHELL_URI}</w:ResourceURI>` +
    `<a:ReplyTo><a:Address s:mustUnderstand="true">http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>` +
    `<a:Action s:mustUnderstand="true">${action}</a:Action><w:MaxEnvelopeSize s:mustUnderstand="true">153600</w:MaxEnvelopeSize>` +
    `<a:MessageID>uuid:${randomUUID()}</a:MessageID><w:OperationTimeout>${o.timeout ?? 'PT20S'}</w:OperationTimeout>${selector}` +
    `</s:Header><s:Body>${body}</s:Body></s:Envelope>`;
}

export interface SoapResult {
  status: number;
  text: string;
  xml: XmlElement;
  raw: RawResponse;
}

export function bodyOf(xml: XmlElement): XmlElement | undefined {
  return child(xml, NS.s, 'Body')?.children[0];
}

/** The f:WSManFault Code of a fault answer, as a number. */
export function faultCode(r: SoapResult): number | undefined {
  const detail = child(child(bodyOf(r.xml), NS.s, 'Detail'), NS.f, 'WSManFault');
  return detail ? Number(detail.attrs.Code) : undefined;
}

/** Drives WinRS over one RawConnection: sealed with an NTLM session, or plain with a Basic header. */
export class WinrsTestSession {
  constructor(
    readonly conn: RawConnection,
    private readonly session?: NtlmSession,
    private readonly basic?: string,
  ) {}

  /** NEGOTIATE on an empty POST, then AUTHENTICATE on another empty POST, as pywinrm sets up encryption. */
  static async ntlm(conn: RawConnection, user: string, password: string): Promise<{ session?: WinrsTestSession; last: RawResponse }> {
    const client = new NtlmClient({ user, password, workstation: 'CONTROLLER' });
    const first = await conn.request([['Authorization', `Negotiate ${client.negotiate().toString('base64')}`]]);
    const token = /^Negotiate (\S+)$/.exec(headerValues(first, 'WWW-Authenticate')[0] ?? '')?.[1];
    if (first.status !== 401 || !token) return { last: first };
    const auth = client.authenticate(Buffer.from(token, 'base64'), conn.peerCertificate ? { tlsServerCertificate: conn.peerCertificate } : {});
    const last = await conn.request([['Authorization', `Negotiate ${auth.toString('base64')}`]]);
    return last.status === 200 ? { session: new WinrsTestSession(conn, client.session()), last } : { last };
  }

  static basic(conn: RawConnection, user: string, password: string): WinrsTestSession {
    return new WinrsTestSession(conn, undefined, `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`);
  }

  async soap(envelope: string, timeoutMs = 60_000): Promise<SoapResult> {
    const plain = Buffer.from(envelope, 'utf8');
    const headers: [string, string][] = this.basic ? [['Authorization', this.basic]] : [];
    let raw: RawResponse;
    if (this.session) {
      const sealed = encryptBody(this.session, plain, SOAP_TYPE);
      raw = await this.conn.request([...headers, ['Content-Type', sealed.contentType]], sealed.body, '/wsman', 'POST', timeoutMs);
    } else {
      raw = await this.conn.request([...headers, ['Content-Type', SOAP_TYPE]], plain, '/wsman', 'POST', timeoutMs);
    }
    const type = headerValues(raw, 'Content-Type')[0] ?? '';
    const text = this.session && /multipart\/encrypted/.test(type) ? decryptBody(this.session, raw.body, type).toString('utf8') : raw.body.toString('utf8');
    const parsed = parseXml(text);
    if (!parsed.ok) throw new Error(`answer is not XML (${raw.statusLine}): ${parsed.message}`);
    return { status: raw.status, text, xml: parsed.value, raw };
  }

  async create(body = '<rsp:Shell><rsp:InputStreams>stdin</rsp:InputStreams><rsp:OutputStreams>stdout stderr</rsp:OutputStreams></rsp:Shell>'): Promise<SoapResult> {
    return this.soap(requestEnvelope(ACTION.create, body));
  }

  async createShell(): Promise<string> {
    const r = await this.create();
    const shell = child(child(r.xml, NS.s, 'Body'), NS.rsp, 'Shell');
    const id = child(shell, NS.rsp, 'ShellId')?.text;
    if (r.status !== 200 || !id) throw new Error(`Create failed: ${r.raw.statusLine} ${r.text.slice(0, 300)}`);
    return id;
  }

  async command(shellId: string, command: string, args: string[] = []): Promise<string> {
    const argsXml = args.map((a) => `<rsp:Arguments>${a}</rsp:Arguments>`).join('');
    const r = await this.soap(requestEnvelope(ACTION.command, `<rsp:CommandLine><rsp:Command>${command}</rsp:Command>${argsXml}</rsp:CommandLine>`, { shellId }));
    const id = child(bodyOf(r.xml), NS.rsp, 'CommandId')?.text;
    if (r.status !== 200 || !id) throw new Error(`Command failed: ${r.raw.statusLine} ${r.text.slice(0, 300)}`);
    return id;
  }

  send(shellId: string, commandId: string, data: Buffer, end: boolean): Promise<SoapResult> {
    return this.soap(requestEnvelope(ACTION.send,
      `<rsp:Send><rsp:Stream Name="stdin" CommandId="${commandId}"${end ? ' End="true"' : ''}>${data.toString('base64')}</rsp:Stream></rsp:Send>`, { shellId }));
  }

  receive(shellId: string, commandId: string, timeout = 'PT20S'): Promise<SoapResult> {
    return this.soap(requestEnvelope(ACTION.receive,
      `<rsp:Receive><rsp:DesiredStream CommandId="${commandId}">stdout stderr</rsp:DesiredStream></rsp:Receive>`, { shellId, timeout }));
  }

  /** Receives until CommandState Done; returns the decoded streams and the exit code. */
  async runToEnd(shellId: string, commandId: string): Promise<{ stdout: string; stderr: string; exitCode: number; receives: number }> {
    const out = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
    for (let receives = 1; receives < 500; receives++) {
      const r = await this.receive(shellId, commandId);
      if (r.status !== 200) {
        if (faultCode(r) === 2150858793) continue;
        throw new Error(`Receive failed: ${r.raw.statusLine} ${r.text.slice(0, 300)}`);
      }
      const rr = bodyOf(r.xml);
      for (const s of childrenNamed(rr, NS.rsp, 'Stream')) {
        if (s.attrs.Name === 'stdout' || s.attrs.Name === 'stderr') out[s.attrs.Name].push(Buffer.from(s.text, 'base64'));
      }
      const state = child(rr, NS.rsp, 'CommandState');
      if (state?.attrs.State?.endsWith('/Done')) {
        return { stdout: Buffer.concat(out.stdout).toString('utf8'), stderr: Buffer.concat(out.stderr).toString('utf8'), exitCode: Number(child(state, NS.rsp, 'ExitCode')?.text), receives };
      }
    }
    throw new Error('command never finished');
  }

  signal(shellId: string, commandId: string, code: 'terminate' | 'ctrl_c'): Promise<SoapResult> {
    return this.soap(requestEnvelope(ACTION.signal,
      `<rsp:Signal CommandId="${commandId}"><rsp:Code>http://schemas.microsoft.com/wbem/wsman/1/windows/shell/signal/${code}</rsp:Code></rsp:Signal>`, { shellId }));
  }

  delete(shellId: string): Promise<SoapResult> {
    return this.soap(requestEnvelope(ACTION.delete, '', { shellId }));
  }
}
