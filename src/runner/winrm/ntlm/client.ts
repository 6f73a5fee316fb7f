/**
 * The NTLMv2 client (initiator) of MS-NLMP 3.1.5: NEGOTIATE out, CHALLENGE in, AUTHENTICATE out, then a session
 * for WinRM message encryption. NTLMv2 only, with extended session security and 128-bit keys, as Windows requires
 * by default; older challenges are refused with one line.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { channelBindingsHash } from './channel-bindings.js';
import {
  AV_FLAG_MIC_PRESENT,
  type AvPair,
  AvId,
  decodeChallenge,
  encodeAuthenticate,
  encodeAvPairs,
  encodeNegotiate,
  Flag,
  has,
  MIC_OFFSET,
  type Version,
} from './messages.js';
import { NtlmError } from './ntlm-error.js';
import { computeMic, computeNtlmv2, fileTimeNow, ntHash, ntowfv2 } from './ntlmv2.js';
import { rc4 } from './rc4.js';
import { NtlmSession } from './session-security.js';
import { splitUserName } from './user-name.js';

/** The flags a Windows client asks for when WinRM wants signing and sealing. */
export const CLIENT_FLAGS =
  (Flag.UNICODE |
    Flag.OEM |
    Flag.REQUEST_TARGET |
    Flag.SIGN |
    Flag.SEAL |
    Flag.NTLM |
    Flag.ALWAYS_SIGN |
    Flag.EXTENDED_SESSION_SECURITY |
    Flag.TARGET_INFO |
    Flag.VERSION |
    Flag.KEY_128 |
    Flag.KEY_EXCH |
    Flag.KEY_56) >>>
  0;

/** VERSION is informational only (MS-NLMP 2.2.2.10); these are Windows Server 2022's numbers, NTLMSSP revision 15. */
export const NTLM_VERSION: Version = { major: 10, minor: 0, build: 20348, revision: 15 };

export interface NtlmClientOptions {
  /** "user", "DOMAIN\user" or "user@domain" (a UPN is sent whole with an empty domain, as Windows does). */
  user: string;
  /** The user's domain; leave out when `user` names it. */
  domain?: string;
  password: string;
  /** NetBIOS name of this machine; defaults to the host name in capitals. */
  workstation?: string;
}

export interface AuthenticateOptions {
  /** The HTTPS server's certificate (DER, e.g. `socket.getPeerCertificate().raw`): adds channel binding. */
  tlsServerCertificate?: Buffer;
}

export class NtlmClient {
  readonly user: string;
  readonly domain: string;
  readonly workstation: string;
  // Only the NTOWFv2 key is kept, never the password; it is as secret, so it stays private and out of messages.
  readonly #responseKey: Buffer;
  #negotiate: Buffer | undefined;
  #session: NtlmSession | undefined;

  constructor(options: NtlmClientOptions) {
    const named = splitUserName(options.user);
    if (options.domain !== undefined && named.domain !== '') {
      throw new NtlmError(`give the domain once: user "${options.user}" already names domain "${named.domain}"`);
    }
    this.user = named.user;
    this.domain = options.domain ?? named.domain;
    if (this.user === '') throw new NtlmError('NTLM needs a user name');
    this.workstation = options.workstation ?? hostname().split('.')[0]!.toUpperCase().slice(0, 15);
    this.#responseKey = ntowfv2(ntHash(options.password), this.user, this.domain);
  }

  /** The NEGOTIATE_MESSAGE (first token of the HTTP handshake). */
  negotiate(): Buffer {
    this.#negotiate = encodeNegotiate(CLIENT_FLAGS, NTLM_VERSION);
    return Buffer.from(this.#negotiate);
  }

  /** Answers the server's CHALLENGE_MESSAGE with an NTLMv2 AUTHENTICATE_MESSAGE (with a MIC when the server sent a timestamp). */
  authenticate(challengeMessage: Buffer, options: AuthenticateOptions = {}): Buffer {
    if (!this.#negotiate) throw new NtlmError('NTLM authenticate() called before negotiate()');
    if (this.#session) throw new NtlmError('NTLM authenticate() was already called on this client');
    const challenge = decodeChallenge(challengeMessage);
    if (!challenge.targetInfo) {
      throw new NtlmError('NTLM server offers only LM/NTLMv1 (its challenge has no target info); fleet-scan speaks NTLMv2 only');
    }
    const flags = agreedFlags(challenge.flags);

    const serverTime = challenge.targetInfo.find((p) => p.id === AvId.TIMESTAMP)?.value;
    const withMic = serverTime !== undefined;
    const targetInfo = responseTargetInfo(challenge.targetInfo, withMic, options.tlsServerCertificate);
    const clientChallenge = randomBytes(8);
    const response = computeNtlmv2({
      responseKey: this.#responseKey,
      serverChallenge: challenge.serverChallenge,
      clientChallenge,
      timestamp: serverTime ?? fileTimeNow(),
      targetInfo: encodeAvPairs(targetInfo),
    });

    // With NTLMv2 the KeyExchangeKey is the SessionBaseKey; key exchange replaces it by a random key sent under RC4.
    const keyExchangeKey = response.sessionBaseKey;
    const exchange = has(flags, Flag.KEY_EXCH);
    const exportedSessionKey = exchange ? randomBytes(16) : keyExchangeKey;
    const message = encodeAuthenticate({
      flags,
      // With a server timestamp Windows sends 24 zero bytes instead of an LMv2 response (MS-NLMP 3.1.5.1.2).
      lmResponse: withMic ? Buffer.alloc(24) : response.lmResponse,
      ntResponse: response.ntResponse,
      domain: this.domain,
      user: this.user,
      workstation: this.workstation,
      encryptedRandomSessionKey: exchange ? rc4(keyExchangeKey, exportedSessionKey) : Buffer.alloc(0),
      version: has(flags, Flag.VERSION) ? NTLM_VERSION : undefined,
      mic: withMic ? Buffer.alloc(16) : undefined,
    });
    if (withMic) computeMic(exportedSessionKey, this.#negotiate, challengeMessage, message).copy(message, MIC_OFFSET);

    this.#session = new NtlmSession({ role: 'client', exportedSessionKey, flags });
    return message;
  }

  /** The security context for encryptBody/decryptBody, once authenticate() has run. */
  session(): NtlmSession {
    if (!this.#session) throw new NtlmError('NTLM session() called before authenticate()');
    return this.#session;
  }
}

/** What both sides agreed on: our flags that the server kept, one text encoding, and the strength we insist on. */
function agreedFlags(challengeFlags: number): number {
  let flags = (CLIENT_FLAGS & challengeFlags) >>> 0;
  if (has(flags, Flag.UNICODE)) flags = (flags & ~Flag.OEM) >>> 0;
  if (!has(flags, Flag.NTLM)) throw new NtlmError('NTLM server did not agree to NTLM authentication');
  if (!has(flags, Flag.EXTENDED_SESSION_SECURITY)) {
    throw new NtlmError('NTLM server did not agree to extended session security (an LM/NTLMv1-era setting); fleet-scan speaks NTLMv2 only');
  }
  if (!has(flags, Flag.KEY_128)) throw new NtlmError('NTLM server did not agree to 128-bit session keys');
  return flags;
}

/** The server's AV pairs as the client echoes them: MsvAvFlags gains "MIC present", channel bindings are added. */
function responseTargetInfo(pairs: readonly AvPair[], withMic: boolean, certificate: Buffer | undefined): AvPair[] {
  const out = pairs.filter((p) => p.id !== AvId.FLAGS && p.id !== AvId.CHANNEL_BINDINGS);
  const serverFlags = pairs.find((p) => p.id === AvId.FLAGS)?.value;
  const avFlags = ((serverFlags && serverFlags.length >= 4 ? serverFlags.readUInt32LE(0) : 0) | (withMic ? AV_FLAG_MIC_PRESENT : 0)) >>> 0;
  if (avFlags !== 0 || serverFlags) {
    const value = Buffer.alloc(4);
    value.writeUInt32LE(avFlags);
    out.push({ id: AvId.FLAGS, value });
  }
  if (certificate) out.push({ id: AvId.CHANNEL_BINDINGS, value: channelBindingsHash(certificate) });
  return out;
}
