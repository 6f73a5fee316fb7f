import { describe, expect, it } from 'vitest';
import { decryptBody, ENCRYPTED_CONTENT_TYPE, encryptBody } from '../../../src/runner/winrm/encryption.js';
import { Flag } from '../../../src/runner/winrm/ntlm/messages.js';
import { NtlmSession } from '../../../src/runner/winrm/ntlm/session-security.js';

const FLAGS = (Flag.KEY_EXCH | Flag.KEY_128 | Flag.EXTENDED_SESSION_SECURITY | Flag.SIGN | Flag.SEAL | Flag.UNICODE) >>> 0;
const KEY = Buffer.alloc(16, 0x55);
const SOAP = Buffer.from('<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body/></s:Envelope>');

function sessions(): { client: NtlmSession; server: NtlmSession; twin: NtlmSession } {
  return {
    client: new NtlmSession({ role: 'client', exportedSessionKey: KEY, flags: FLAGS }),
    server: new NtlmSession({ role: 'server', exportedSessionKey: KEY, flags: FLAGS }),
    twin: new NtlmSession({ role: 'client', exportedSessionKey: KEY, flags: FLAGS }),
  };
}

/** Cuts the encrypted body at its fixed landmarks so tests can rebuild it with one piece changed. */
function pieces(body: Buffer): { head: string; signature: Buffer; sealed: Buffer; tail: string } {
  const text = body.toString('latin1');
  const start = text.indexOf('application/octet-stream\r\n') + 'application/octet-stream\r\n'.length;
  const tailAt = text.lastIndexOf('--Encrypted Boundary--');
  return {
    head: text.slice(0, start),
    signature: body.subarray(start + 4, start + 20),
    sealed: body.subarray(start + 20, tailAt),
    tail: text.slice(tailAt),
  };
}

function rebuild(p: { head: string; signature: Buffer; sealed: Buffer; tail: string }, signatureLength = p.signature.length): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(signatureLength);
  return Buffer.concat([Buffer.from(p.head, 'latin1'), length, p.signature, p.sealed, Buffer.from(p.tail, 'latin1')]);
}

describe('encryptBody', () => {
  it('writes exactly the multipart/encrypted body Windows WinRM uses with NTLM', () => {
    const { client, twin } = sessions();
    const { body, contentType } = encryptBody(client, SOAP);
    const { signature, sealed } = twin.wrap(SOAP);
    const expected = Buffer.concat([
      Buffer.from(
        '--Encrypted Boundary\r\n' +
          '\tContent-Type: application/HTTP-SPNEGO-session-encrypted\r\n' +
          `\tOriginalContent: type=application/soap+xml;charset=UTF-8;Length=${SOAP.length}\r\n` +
          '--Encrypted Boundary\r\n' +
          '\tContent-Type: application/octet-stream\r\n',
        'latin1',
      ),
      Buffer.from([16, 0, 0, 0]), // signature length, 32-bit little-endian
      signature,
      sealed,
      Buffer.from('--Encrypted Boundary--\r\n', 'latin1'),
    ]);
    expect(body.toString('hex')).toBe(expected.toString('hex'));
    expect(contentType).toBe('multipart/encrypted;protocol="application/HTTP-SPNEGO-session-encrypted";boundary="Encrypted Boundary"');
  });

  it('seals the XML text as its UTF-8 bytes, Length counting bytes, and leaves a caller\'s buffer unsealed', () => {
    const { client, twin, server } = sessions();
    const xml = '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>Zürich</s:Body></s:Envelope>';
    const bytes = Buffer.from(xml, 'utf8');
    const fromText = encryptBody(client, xml);
    const fromBytes = encryptBody(twin, bytes);
    expect(fromText.body.equals(fromBytes.body)).toBe(true);
    expect(fromText.body.toString('latin1')).toContain(`Length=${bytes.length}\r\n`);
    expect(bytes.toString('utf8')).toBe(xml);
    expect(decryptBody(server, fromText.body, fromText.contentType).toString('utf8')).toBe(xml);
  });

  it('records the SOAP content type it is given in OriginalContent', () => {
    const { body } = encryptBody(sessions().client, SOAP, 'application/soap+xml;charset=UTF-16');
    expect(body.toString('latin1')).toContain(`\tOriginalContent: type=application/soap+xml;charset=UTF-16;Length=${SOAP.length}\r\n`);
  });

  it('never sends the SOAP text in the clear', () => {
    const { body } = encryptBody(sessions().client, SOAP);
    expect(body.includes(Buffer.from('s:Envelope'))).toBe(false);
  });
});

describe('decryptBody', () => {
  it('round-trips requests and replies, many in a row, between client and server', () => {
    const { client, server } = sessions();
    for (let n = 0; n < 20; n++) {
      const request = Buffer.from(`<Receive n="${n}"/>`);
      const sent = encryptBody(client, request);
      expect(decryptBody(server, sent.body, sent.contentType).equals(request)).toBe(true);
      const reply = Buffer.from(`<ReceiveResponse n="${n}">${'x'.repeat(n * 100)}</ReceiveResponse>`);
      const back = encryptBody(server, reply);
      expect(decryptBody(client, back.body, back.contentType).equals(reply)).toBe(true);
    }
  });

  it('accepts the header with spaces, an unquoted boundary and no CRLF after the closing boundary', () => {
    const { client, server } = sessions();
    const { body } = encryptBody(client, SOAP);
    const header = 'multipart/encrypted; protocol="application/HTTP-SPNEGO-session-encrypted"; boundary=Encrypted Boundary';
    expect(decryptBody(server, body.subarray(0, body.length - 2), header).equals(SOAP)).toBe(true);
  });

  it('refuses a Length that does not match the sealed data', () => {
    const { client, server } = sessions();
    const { body, contentType } = encryptBody(client, SOAP);
    const lying = Buffer.from(body.toString('latin1').replace(`Length=${SOAP.length}`, `Length=${SOAP.length + 1}`), 'latin1');
    expect(() => decryptBody(server, lying, contentType)).toThrow(
      new RegExp(`^encrypted WinRM body refused: OriginalContent Length=${SOAP.length + 1} does not match the ${SOAP.length} sealed bytes$`),
    );
  });

  it('refuses a body whose second part is missing', () => {
    const { client, server } = sessions();
    const { body, contentType } = encryptBody(client, SOAP);
    const firstPartOnly = Buffer.from(body.toString('latin1').split('--Encrypted Boundary\r\n\tContent-Type: application/octet-stream')[0] + '--Encrypted Boundary--\r\n', 'latin1');
    expect(() => decryptBody(server, firstPartOnly, contentType)).toThrow(/^encrypted WinRM body refused: the application\/octet-stream part is missing$/);
  });

  it('refuses a body without the first (metadata) part', () => {
    const { client, server } = sessions();
    const { body, contentType } = encryptBody(client, SOAP);
    const text = body.toString('latin1');
    const noMetadata = Buffer.from(text.slice(text.indexOf('--Encrypted Boundary\r\n\tContent-Type: application/octet-stream')), 'latin1');
    expect(() => decryptBody(server, noMetadata, contentType)).toThrow(
      /^encrypted WinRM body refused: the application\/HTTP-SPNEGO-session-encrypted part is missing$/,
    );
  });

  it('refuses a truncated signature', () => {
    const { client, server } = sessions();
    const { body, contentType } = encryptBody(client, SOAP);
    const p = pieces(body);
    const truncated = Buffer.concat([Buffer.from(p.head, 'latin1'), Buffer.from([16, 0, 0, 0]), p.signature.subarray(0, 9), Buffer.from(p.tail, 'latin1')]);
    expect(() => decryptBody(server, truncated, contentType)).toThrow(/^encrypted WinRM body refused: the signature is truncated$/);
    const cutInLength = Buffer.from(p.head + '\x10\x00', 'latin1');
    expect(() => decryptBody(server, cutInLength, contentType)).toThrow(/^encrypted WinRM body refused: the signature length is truncated$/);
  });

  it('refuses a signature length other than the 16 bytes of an NTLM signature', () => {
    const { client, server } = sessions();
    const { body, contentType } = encryptBody(client, SOAP);
    expect(() => decryptBody(server, rebuild(pieces(body), 12), contentType)).toThrow(/^encrypted WinRM body refused: the NTLM signature length is 12, expected 16$/);
  });

  it('refuses a body whose sealed bytes were altered', () => {
    const { client, server } = sessions();
    const { body, contentType } = encryptBody(client, SOAP);
    const p = pieces(body);
    const sealed = Buffer.from(p.sealed);
    sealed[10]! ^= 0x04;
    expect(() => decryptBody(server, rebuild({ ...p, sealed }), contentType)).toThrow(/signature does not match/);
  });

  it('refuses a body without its closing boundary', () => {
    const { client, server } = sessions();
    const { body, contentType } = encryptBody(client, SOAP);
    expect(() => decryptBody(server, body.subarray(0, body.length - 24), contentType)).toThrow(/the closing --Encrypted Boundary-- is missing/);
  });

  it('refuses a Content-Type that is not SPNEGO multipart/encrypted', () => {
    const { client, server } = sessions();
    const { body } = encryptBody(client, SOAP);
    expect(() => decryptBody(server, body, 'application/soap+xml;charset=UTF-8')).toThrow(/not multipart\/encrypted/);
    expect(() => decryptBody(server, body, 'multipart/encrypted;protocol="application/HTTP-CredSSP-session-encrypted";boundary="Encrypted Boundary"')).toThrow(/protocol is not application\/HTTP-SPNEGO-session-encrypted/);
    expect(() => decryptBody(server, body, 'multipart/encrypted;protocol="application/HTTP-SPNEGO-session-encrypted"')).toThrow(/no boundary/);
  });

  it('exports the Content-Type header it writes', () => {
    expect(ENCRYPTED_CONTENT_TYPE).toBe(encryptBody(sessions().client, SOAP).contentType);
  });
});
