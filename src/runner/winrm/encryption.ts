/**
 * WinRM message-level encryption over HTTP with NTLM (MS-WSMV 2.2.9.1.1): the SOAP body travels sealed inside a
 * two-part multipart/encrypted body, the format Windows and pywinrm/pypsrp use:
 *
 *   --Encrypted Boundary\r\n
 *   \tContent-Type: application/HTTP-SPNEGO-session-encrypted\r\n
 *   \tOriginalContent: type=application/soap+xml;charset=UTF-8;Length=<plaintext bytes>\r\n
 *   --Encrypted Boundary\r\n
 *   \tContent-Type: application/octet-stream\r\n
 *   <signature length, 4 bytes LE><16-byte NTLM signature><sealed SOAP>--Encrypted Boundary--\r\n
 */
import type { NtlmSession } from './ntlm/session-security.js';
import { NtlmError } from './ntlm/ntlm-error.js';

const SPNEGO_ENCRYPTED = 'application/HTTP-SPNEGO-session-encrypted';
const BOUNDARY = 'Encrypted Boundary';
/** The Content-Type header of an encrypted request or response. */
export const ENCRYPTED_CONTENT_TYPE = `multipart/encrypted;protocol="${SPNEGO_ENCRYPTED}";boundary="${BOUNDARY}"`;
const OCTET_STREAM_HEADER = '\tContent-Type: application/octet-stream\r\n';
const SIGNATURE_LENGTH = 16;

/**
 * Seals a SOAP body (bytes, or the XML text, written as UTF-8); `contentType` is the SOAP body's own type, recorded
 * in OriginalContent. The body is written into the multipart body once and sealed there: a Send of stdin is up to
 * 150 KB, and hundreds of hosts send at once.
 */
export function encryptBody(
  session: NtlmSession,
  soap: Buffer | string,
  contentType = 'application/soap+xml;charset=UTF-8',
): { body: Buffer; contentType: string } {
  const soapLength = typeof soap === 'string' ? Buffer.byteLength(soap, 'utf8') : soap.length;
  const head =
    `--${BOUNDARY}\r\n` +
    `\tContent-Type: ${SPNEGO_ENCRYPTED}\r\n` +
    `\tOriginalContent: type=${contentType};Length=${soapLength}\r\n` +
    `--${BOUNDARY}\r\n` +
    OCTET_STREAM_HEADER;
  const tail = `--${BOUNDARY}--\r\n`;
  const headLength = Buffer.byteLength(head, 'latin1');
  const at = headLength + 4 + SIGNATURE_LENGTH;
  const body = Buffer.allocUnsafe(at + soapLength + tail.length);
  body.write(head, 0, 'latin1');
  body.writeUInt32LE(SIGNATURE_LENGTH, headLength);
  if (typeof soap === 'string') body.write(soap, at, 'utf8');
  else soap.copy(body, at);
  body.write(tail, at + soapLength, 'latin1');
  const signature = session.sealInPlace(body.subarray(at, at + soapLength));
  signature.copy(body, headLength + 4);
  return { body, contentType: ENCRYPTED_CONTENT_TYPE };
}

/** Checks and unseals an encrypted body; throws a one-line NtlmError on anything malformed or tampered with. */
export function decryptBody(session: NtlmSession, body: Buffer, contentTypeHeader: string): Buffer {
  const boundary = boundaryOf(contentTypeHeader);
  const open = Buffer.from(`--${boundary}\r\n`, 'latin1');
  if (!body.subarray(0, open.length).equals(open)) throw bad(`it does not start with --${boundary}`);

  if (body.toString('latin1', open.length, open.length + OCTET_STREAM_HEADER.length) === OCTET_STREAM_HEADER) {
    throw bad(`the ${SPNEGO_ENCRYPTED} part is missing`);
  }
  // The metadata part is text and ends at the second boundary line; the binary part is never searched.
  const second = body.indexOf(open, open.length);
  if (second < 0) throw bad('the application/octet-stream part is missing');
  const metadata = body.subarray(open.length, second).toString('latin1');
  if (!metadata.split('\r\n').some((line) => line.trim().toLowerCase() === `content-type: ${SPNEGO_ENCRYPTED.toLowerCase()}`)) {
    throw bad(`the first part is not ${SPNEGO_ENCRYPTED}`);
  }
  const declared = /^\s*OriginalContent:.*;\s*Length=(\d+)\s*$/im.exec(metadata);
  if (!declared) throw bad('the first part has no OriginalContent Length');
  const length = Number(declared[1]);

  let at = second + open.length;
  if (body.toString('latin1', at, at + OCTET_STREAM_HEADER.length) !== OCTET_STREAM_HEADER) {
    throw bad('the second part is not application/octet-stream');
  }
  at += OCTET_STREAM_HEADER.length;
  if (at + 4 > body.length) throw bad('the signature length is truncated');
  const signatureLength = body.readUInt32LE(at);
  at += 4;
  if (signatureLength !== SIGNATURE_LENGTH) throw bad(`the NTLM signature length is ${signatureLength}, expected ${SIGNATURE_LENGTH}`);
  const close = closingAt(body, boundary);
  if (close < 0) throw bad(`the closing --${boundary}-- is missing`);
  if (at + signatureLength > close) throw bad('the signature is truncated');
  const signature = body.subarray(at, at + signatureLength);
  const sealed = body.subarray(at + signatureLength, close);
  // RC4 keeps lengths, so the sealed bytes must number exactly what OriginalContent declared.
  if (sealed.length !== length) throw bad(`OriginalContent Length=${length} does not match the ${sealed.length} sealed bytes`);
  return session.unwrap(sealed, signature);
}

function boundaryOf(contentType: string): string {
  const [type, ...params] = contentType.split(';').map((p) => p.trim());
  const value = (name: string): string | undefined => {
    const param = params.find((p) => p.toLowerCase().startsWith(`${name}=`));
    return param?.slice(name.length + 1).replace(/^"(.*)"$/, '$1');
  };
  if (type?.toLowerCase() !== 'multipart/encrypted') throw bad(`Content-Type is ${type || 'empty'}, not multipart/encrypted`);
  if (value('protocol')?.toLowerCase() !== SPNEGO_ENCRYPTED.toLowerCase()) throw bad(`protocol is not ${SPNEGO_ENCRYPTED}`);
  const boundary = value('boundary');
  if (!boundary) throw bad('Content-Type has no boundary');
  return boundary;
}

/** Where the final "--boundary--" line starts, which must end the body (a last CRLF is optional). */
function closingAt(body: Buffer, boundary: string): number {
  for (const tail of [`--${boundary}--\r\n`, `--${boundary}--`]) {
    const bytes = Buffer.from(tail, 'latin1');
    if (body.length >= bytes.length && body.subarray(body.length - bytes.length).equals(bytes)) return body.length - bytes.length;
  }
  return -1;
}

function bad(what: string): NtlmError {
  return new NtlmError(`encrypted WinRM body refused: ${what}`);
}
