/**
 * The NTLMv2 server (acceptor) of MS-NLMP 3.2.5, for the loopback fake WinRM endpoint: it answers a NEGOTIATE with a
 * CHALLENGE shaped like a Windows server's, then verifies the AUTHENTICATE (NTLMv2 proof, MIC, channel binding) and
 * hands back the session. One instance per connection; each challenge is good for one accept().
 */
import { randomBytes } from 'node:crypto';
import { channelBindingsHash } from './channel-bindings.js';
import { CLIENT_FLAGS, NTLM_VERSION } from './client.js';
import {
  AV_FLAG_MIC_PRESENT,
  type AvPair,
  AvId,
  decodeAuthenticate,
  decodeAvPairs,
  decodeNegotiate,
  encodeChallenge,
  Flag,
  has,
  MIC_OFFSET,
} from './messages.js';
import { NtlmError } from './ntlm-error.js';
import { computeMic, fileTimeNow, ntHash, ntowfv2, ntProofStr, readClientBlob, sameMac, sessionBaseKey } from './ntlmv2.js';
import { rc4 } from './rc4.js';
import { NtlmSession } from './session-security.js';

export interface NtlmServerOptions {
  /** The password of `user` in `domain` (domain as the client sent it, maybe empty), or undefined if unknown. */
  lookup(user: string, domain: string): string | undefined;
  /** TargetName: the NetBIOS domain, or the computer name of a workgroup server. */
  targetName: string;
  netbiosComputer: string;
  dnsComputer: string;
  /** DNS domain of a domain member; a workgroup server (the default) gives its own DNS name. */
  dnsDomain?: string;
}

export interface AcceptOptions {
  /** This HTTPS listener's certificate (DER): when given, channel binding is required (CbtHardeningLevel=Strict). */
  tlsServerCertificate?: Buffer;
}

export type NtlmAcceptResult =
  | { ok: true; user: string; domain: string; session: NtlmSession }
  | { ok: false; reason: string };

// The server agrees to what our client asks for, when asked; TARGET_INFO it always sets itself.
const SERVER_FLAGS = (CLIENT_FLAGS & ~Flag.TARGET_INFO) >>> 0;

export class NtlmServer {
  readonly #options: NtlmServerOptions;
  #pending: { negotiate: Buffer; challenge: Buffer; serverChallenge: Buffer } | undefined;

  constructor(options: NtlmServerOptions) {
    this.#options = options;
  }

  /** Answers a NEGOTIATE_MESSAGE with a CHALLENGE_MESSAGE (fresh server challenge, target info with a timestamp). */
  challenge(negotiateMessage: Buffer): Buffer {
    const { flags: asked } = decodeNegotiate(negotiateMessage);
    if (!has(asked, Flag.NTLM)) throw new NtlmError('NTLM client did not ask for NTLM authentication');
    if (!has(asked, Flag.EXTENDED_SESSION_SECURITY)) throw new NtlmError('NTLM client did not ask for extended session security');
    if (!has(asked, Flag.KEY_128)) throw new NtlmError('NTLM client did not ask for 128-bit session keys');
    if (!has(asked, Flag.UNICODE | Flag.OEM)) throw new NtlmError('NTLM client asked for neither Unicode nor OEM text');

    const { targetName, netbiosComputer, dnsComputer, dnsDomain } = this.#options;
    const isDomain = targetName.toUpperCase() !== netbiosComputer.toUpperCase();
    let flags = ((asked & SERVER_FLAGS) | Flag.NTLM | Flag.TARGET_INFO) >>> 0;
    flags = (flags | (isDomain ? Flag.TARGET_TYPE_DOMAIN : Flag.TARGET_TYPE_SERVER)) >>> 0;
    if (has(flags, Flag.UNICODE)) flags = (flags & ~Flag.OEM) >>> 0;

    const text = (value: string): Buffer => Buffer.from(value, 'utf16le');
    const targetInfo: AvPair[] = [
      { id: AvId.NB_DOMAIN_NAME, value: text(targetName) },
      { id: AvId.NB_COMPUTER_NAME, value: text(netbiosComputer) },
      { id: AvId.DNS_DOMAIN_NAME, value: text(dnsDomain ?? dnsComputer) },
      { id: AvId.DNS_COMPUTER_NAME, value: text(dnsComputer) },
      ...(dnsDomain ? [{ id: AvId.DNS_TREE_NAME, value: text(dnsDomain) }] : []),
      { id: AvId.TIMESTAMP, value: fileTimeNow() },
    ];
    const serverChallenge = randomBytes(8);
    const challenge = encodeChallenge({
      flags,
      serverChallenge,
      targetName,
      targetInfo,
      version: has(flags, Flag.VERSION) ? NTLM_VERSION : undefined,
    });
    this.#pending = { negotiate: Buffer.from(negotiateMessage), challenge, serverChallenge };
    return Buffer.from(challenge);
  }

  /** Verifies an AUTHENTICATE_MESSAGE against the last challenge; never throws, never names the password. */
  accept(authenticateMessage: Buffer, options: AcceptOptions = {}): NtlmAcceptResult {
    const pending = this.#pending;
    this.#pending = undefined; // a server challenge is good for one answer only
    if (!pending) return { ok: false, reason: 'no NTLM challenge is pending on this connection' };
    try {
      return this.verify(authenticateMessage, pending, options);
    } catch (error) {
      if (error instanceof NtlmError) return { ok: false, reason: error.message };
      throw error;
    }
  }

  private verify(
    message: Buffer,
    pending: { negotiate: Buffer; challenge: Buffer; serverChallenge: Buffer },
    options: AcceptOptions,
  ): NtlmAcceptResult {
    const auth = decodeAuthenticate(message);
    const who = auth.domain ? `${auth.domain}\\${auth.user}` : auth.user;
    if (auth.user === '' || has(auth.flags, Flag.ANONYMOUS)) return { ok: false, reason: 'anonymous NTLM logon refused' };
    if (auth.ntResponse.length <= 24) return { ok: false, reason: `NTLMv1 response from ${who} refused: NTLMv2 only` };
    if (!has(auth.flags, Flag.EXTENDED_SESSION_SECURITY) || !has(auth.flags, Flag.KEY_128)) {
      return { ok: false, reason: `NTLM from ${who} refused: extended session security with 128-bit keys is required` };
    }
    const blob = auth.ntResponse.subarray(16);
    const fields = readClientBlob(blob);
    if (!fields) return { ok: false, reason: `NTLMv2 response from ${who} is malformed` };

    const password = this.#options.lookup(auth.user, auth.domain);
    if (password === undefined) return { ok: false, reason: `unknown user ${who}` };
    const responseKey = ntowfv2(ntHash(password), auth.user, auth.domain);
    const proof = ntProofStr(responseKey, pending.serverChallenge, blob);
    if (!sameMac(proof, auth.ntResponse.subarray(0, 16))) return { ok: false, reason: `wrong password for ${who}` };

    const keyExchangeKey = sessionBaseKey(responseKey, proof);
    let exportedSessionKey = keyExchangeKey;
    if (has(auth.flags, Flag.KEY_EXCH)) {
      if (auth.encryptedRandomSessionKey.length !== 16) return { ok: false, reason: `NTLM from ${who} has no 16-byte session key` };
      exportedSessionKey = rc4(keyExchangeKey, auth.encryptedRandomSessionKey);
    }

    const pairs = decodeAvPairs(fields.targetInfo);
    const avFlags = pairs.find((p) => p.id === AvId.FLAGS)?.value;
    if (avFlags && avFlags.length >= 4 && has(avFlags.readUInt32LE(0), AV_FLAG_MIC_PRESENT)) {
      if (!auth.mic) return { ok: false, reason: `NTLM from ${who} announces a MIC but has none` };
      const zeroed = Buffer.from(message);
      zeroed.fill(0, MIC_OFFSET, MIC_OFFSET + 16);
      const mic = computeMic(exportedSessionKey, pending.negotiate, pending.challenge, zeroed);
      if (!sameMac(mic, auth.mic)) return { ok: false, reason: `NTLM MIC from ${who} does not match the three messages` };
    }

    if (options.tlsServerCertificate) {
      const sent = pairs.find((p) => p.id === AvId.CHANNEL_BINDINGS)?.value;
      if (!sent || !sameMac(sent, channelBindingsHash(options.tlsServerCertificate))) {
        return { ok: false, reason: `NTLM from ${who} lacks the channel binding of this HTTPS listener` };
      }
    }
    return { ok: true, user: auth.user, domain: auth.domain, session: new NtlmSession({ role: 'server', exportedSessionKey, flags: auth.flags }) };
  }
}
