/**
 * The three NTLM messages (MS-NLMP 2.2.1): NEGOTIATE, CHALLENGE and AUTHENTICATE, with their AV pairs (2.2.2.1) and
 * VERSION field (2.2.2.10), encoded and decoded byte for byte. Crypto lives elsewhere; this is only the wire format.
 */
import { NtlmError } from './ntlm-error.js';

/** NegotiateFlags bits (MS-NLMP 2.2.2.5). Combine with `|` and finish with `>>> 0`: bit 31 makes numbers negative. */
export const Flag = {
  UNICODE: 0x0000_0001,
  OEM: 0x0000_0002,
  REQUEST_TARGET: 0x0000_0004,
  SIGN: 0x0000_0010,
  SEAL: 0x0000_0020,
  LM_KEY: 0x0000_0080,
  NTLM: 0x0000_0200,
  ANONYMOUS: 0x0000_0800,
  ALWAYS_SIGN: 0x0000_8000,
  TARGET_TYPE_DOMAIN: 0x0001_0000,
  TARGET_TYPE_SERVER: 0x0002_0000,
  EXTENDED_SESSION_SECURITY: 0x0008_0000,
  TARGET_INFO: 0x0080_0000,
  VERSION: 0x0200_0000,
  KEY_128: 0x2000_0000,
  KEY_EXCH: 0x4000_0000,
  KEY_56: 0x8000_0000,
} as const;

/** AV pair ids (MS-NLMP 2.2.2.1). */
export const AvId = {
  EOL: 0,
  NB_COMPUTER_NAME: 1,
  NB_DOMAIN_NAME: 2,
  DNS_COMPUTER_NAME: 3,
  DNS_DOMAIN_NAME: 4,
  DNS_TREE_NAME: 5,
  FLAGS: 6,
  TIMESTAMP: 7,
  SINGLE_HOST: 8,
  TARGET_NAME: 9,
  CHANNEL_BINDINGS: 10,
} as const;

/** MsvAvFlags bit: the AUTHENTICATE message carries a MIC. */
export const AV_FLAG_MIC_PRESENT = 0x0000_0002;

export interface AvPair {
  id: number;
  value: Buffer;
}

export interface Version {
  major: number;
  minor: number;
  build: number;
  /** NTLMSSP revision; 15 is the current one (NTLMSSP_REVISION_W2K3). */
  revision: number;
}

export interface Challenge {
  flags: number;
  serverChallenge: Buffer;
  targetName: string;
  targetInfo: AvPair[] | undefined;
  version: Version | undefined;
}

export interface Authenticate {
  flags: number;
  lmResponse: Buffer;
  ntResponse: Buffer;
  domain: string;
  user: string;
  workstation: string;
  encryptedRandomSessionKey: Buffer;
  version: Version | undefined;
  /** Present when the message has room for one (its payload starts at or after byte 88). */
  mic: Buffer | undefined;
}

const SIGNATURE = Buffer.from('NTLMSSP\0', 'latin1');
/** Where the 16-byte MIC sits in an AUTHENTICATE message that has one. */
export const MIC_OFFSET = 72;
const AUTHENTICATE_HEADER = 64;

export function has(flags: number, flag: number): boolean {
  return (flags & flag) !== 0;
}

/** Strings travel as UTF-16LE when UNICODE was negotiated, otherwise in the OEM code page (taken as Latin-1). */
function encodeText(text: string, flags: number): Buffer {
  return Buffer.from(text, has(flags, Flag.UNICODE) ? 'utf16le' : 'latin1');
}

function decodeText(bytes: Buffer, flags: number): string {
  return bytes.toString(has(flags, Flag.UNICODE) ? 'utf16le' : 'latin1');
}

export function encodeAvPairs(pairs: readonly AvPair[]): Buffer {
  const parts: Buffer[] = [];
  for (const { id, value } of pairs) {
    if (id === AvId.EOL) continue;
    const head = Buffer.alloc(4);
    head.writeUInt16LE(id, 0);
    head.writeUInt16LE(value.length, 2);
    parts.push(head, value);
  }
  parts.push(Buffer.alloc(4)); // MsvAvEOL
  return Buffer.concat(parts);
}

/** Reads AV pairs up to MsvAvEOL; the EOL itself is not returned. */
export function decodeAvPairs(bytes: Buffer): AvPair[] {
  const pairs: AvPair[] = [];
  let at = 0;
  while (at + 4 <= bytes.length) {
    const id = bytes.readUInt16LE(at);
    const length = bytes.readUInt16LE(at + 2);
    if (id === AvId.EOL) return pairs;
    if (at + 4 + length > bytes.length) throw new NtlmError(`NTLM target info is truncated: AV pair ${id} runs past the end`);
    pairs.push({ id, value: Buffer.from(bytes.subarray(at + 4, at + 4 + length)) });
    at += 4 + length;
  }
  throw new NtlmError('NTLM target info has no MsvAvEOL terminator');
}

export function avPairText(pairs: readonly AvPair[] | undefined, id: number): string | undefined {
  return pairs?.find((p) => p.id === id)?.value.toString('utf16le');
}

function encodeVersion(version: Version): Buffer {
  const out = Buffer.alloc(8);
  out.writeUInt8(version.major, 0);
  out.writeUInt8(version.minor, 1);
  out.writeUInt16LE(version.build, 2);
  out.writeUInt8(version.revision, 7);
  return out;
}

function decodeVersion(bytes: Buffer): Version {
  return { major: bytes[0]!, minor: bytes[1]!, build: bytes.readUInt16LE(2), revision: bytes[7]! };
}

function header(type: number, size: number): Buffer {
  const out = Buffer.alloc(size);
  SIGNATURE.copy(out, 0);
  out.writeUInt32LE(type, 8);
  return out;
}

function writeField(out: Buffer, at: number, length: number, offset: number): void {
  out.writeUInt16LE(length, at);
  out.writeUInt16LE(length, at + 2);
  out.writeUInt32LE(offset, at + 4);
}

interface Field {
  length: number;
  offset: number;
}

function readField(message: Buffer, at: number, what: string, name: string): Field {
  const length = message.readUInt16LE(at);
  const offset = message.readUInt32LE(at + 4);
  if (offset + length > message.length) throw new NtlmError(`NTLM ${what} message is truncated: ${name} runs past the end`);
  return { length, offset };
}

function slice(message: Buffer, field: Field): Buffer {
  return Buffer.from(message.subarray(field.offset, field.offset + field.length));
}

function checkHeader(message: Buffer, type: number, minimum: number, what: string): void {
  if (message.length < minimum || !message.subarray(0, 8).equals(SIGNATURE)) {
    throw new NtlmError(`not an NTLM ${what} message (no NTLMSSP signature or too short)`);
  }
  const actual = message.readUInt32LE(8);
  if (actual !== type) throw new NtlmError(`expected an NTLM ${what} message (type ${type}), got type ${actual}`);
}

/** NEGOTIATE_MESSAGE with empty domain and workstation, as Windows clients send it. */
export function encodeNegotiate(flags: number, version: Version | undefined): Buffer {
  const size = version ? 40 : 32;
  const out = header(1, size);
  out.writeUInt32LE(flags >>> 0, 12);
  writeField(out, 16, 0, size);
  writeField(out, 24, 0, size);
  if (version) encodeVersion(version).copy(out, 32);
  return out;
}

export function decodeNegotiate(message: Buffer): { flags: number } {
  checkHeader(message, 1, 16, 'NEGOTIATE');
  return { flags: message.readUInt32LE(12) };
}

export function encodeChallenge(challenge: Challenge): Buffer {
  const base = challenge.version ? 56 : 48;
  const name = encodeText(challenge.targetName, challenge.flags);
  const info = challenge.targetInfo ? encodeAvPairs(challenge.targetInfo) : Buffer.alloc(0);
  const out = header(2, base);
  writeField(out, 12, name.length, base);
  out.writeUInt32LE(challenge.flags >>> 0, 20);
  challenge.serverChallenge.copy(out, 24);
  writeField(out, 40, info.length, base + name.length);
  if (challenge.version) encodeVersion(challenge.version).copy(out, 48);
  return Buffer.concat([out, name, info]);
}

export function decodeChallenge(message: Buffer): Challenge {
  checkHeader(message, 2, 48, 'CHALLENGE');
  const flags = message.readUInt32LE(20);
  const name = readField(message, 12, 'CHALLENGE', 'TargetName');
  const info = readField(message, 40, 'CHALLENGE', 'TargetInfo');
  const payloadStart = Math.min(...[name, info].filter((f) => f.length > 0).map((f) => f.offset), message.length);
  return {
    flags,
    serverChallenge: Buffer.from(message.subarray(24, 32)),
    targetName: decodeText(slice(message, name), flags),
    targetInfo: info.length > 0 ? decodeAvPairs(slice(message, info)) : undefined,
    version: has(flags, Flag.VERSION) && payloadStart >= 56 ? decodeVersion(message.subarray(48, 56)) : undefined,
  };
}

/**
 * AUTHENTICATE_MESSAGE. The payload order (domain, user, workstation, LM, NT, session key) is the one of the
 * MS-NLMP 4.2 examples. With `mic`, the VERSION and MIC fields are present (MIC as given: pass zeros, then patch
 * the real value in at MIC_OFFSET once it has been computed over the message).
 */
export function encodeAuthenticate(auth: Omit<Authenticate, 'mic'> & { mic?: Buffer }): Buffer {
  const withVersion = auth.version !== undefined || auth.mic !== undefined;
  const base = AUTHENTICATE_HEADER + (withVersion ? 8 : 0) + (auth.mic ? 16 : 0);
  const payload = [
    encodeText(auth.domain, auth.flags),
    encodeText(auth.user, auth.flags),
    encodeText(auth.workstation, auth.flags),
    auth.lmResponse,
    auth.ntResponse,
    auth.encryptedRandomSessionKey,
  ];
  const [domain, user, workstation, lm, nt, key] = payload as [Buffer, Buffer, Buffer, Buffer, Buffer, Buffer];
  const out = header(3, base);
  let offset = base;
  const at = (field: Buffer): number => {
    const here = offset;
    offset += field.length;
    return here;
  };
  const domainAt = at(domain);
  const userAt = at(user);
  const workstationAt = at(workstation);
  const lmAt = at(lm);
  const ntAt = at(nt);
  const keyAt = at(key);
  writeField(out, 12, lm.length, lmAt);
  writeField(out, 20, nt.length, ntAt);
  writeField(out, 28, domain.length, domainAt);
  writeField(out, 36, user.length, userAt);
  writeField(out, 44, workstation.length, workstationAt);
  writeField(out, 52, key.length, keyAt);
  out.writeUInt32LE(auth.flags >>> 0, 60);
  if (auth.version) encodeVersion(auth.version).copy(out, 64);
  if (auth.mic) auth.mic.copy(out, MIC_OFFSET);
  return Buffer.concat([out, ...payload]);
}

export function decodeAuthenticate(message: Buffer): Authenticate {
  checkHeader(message, 3, AUTHENTICATE_HEADER, 'AUTHENTICATE');
  const what = 'AUTHENTICATE';
  const lm = readField(message, 12, what, 'LmChallengeResponse');
  const nt = readField(message, 20, what, 'NtChallengeResponse');
  const domain = readField(message, 28, what, 'DomainName');
  const user = readField(message, 36, what, 'UserName');
  const workstation = readField(message, 44, what, 'Workstation');
  const key = readField(message, 52, what, 'EncryptedRandomSessionKey');
  const flags = message.readUInt32LE(60);
  // The fixed part ends where the payload starts: that tells whether VERSION and MIC are there.
  const fields = [lm, nt, domain, user, workstation, key].filter((f) => f.length > 0);
  const payloadStart = Math.min(...fields.map((f) => f.offset), message.length);
  return {
    flags,
    lmResponse: slice(message, lm),
    ntResponse: slice(message, nt),
    domain: decodeText(slice(message, domain), flags),
    user: decodeText(slice(message, user), flags),
    workstation: decodeText(slice(message, workstation), flags),
    encryptedRandomSessionKey: slice(message, key),
    version: has(flags, Flag.VERSION) && payloadStart >= 72 ? decodeVersion(message.subarray(64, 72)) : undefined,
    mic: payloadStart >= MIC_OFFSET + 16 ? Buffer.from(message.subarray(MIC_OFFSET, MIC_OFFSET + 16)) : undefined,
  };
}
