/**
 * NTLM session security with extended session security (MS-NLMP 3.4): the per-direction signing and sealing keys
 * (3.4.5), and GSS_WrapEx (3.4.6) as WinRM uses it: RC4-seal the message, then sign HMAC-MD5(seqnum + plaintext),
 * whose first 8 bytes are RC4-encrypted with the same sealing handle when key exchange was negotiated.
 */
import { createHash } from 'node:crypto';
import { Flag, has } from './messages.js';
import { NtlmError } from './ntlm-error.js';
import { hmacMd5, sameMac } from './ntlmv2.js';
import { Rc4 } from './rc4.js';

export type NtlmRole = 'client' | 'server';
type Direction = 'client-to-server' | 'server-to-client';

/** SIGNKEY (3.4.5.2): MD5 of the exported session key and the direction's magic constant, NUL included. */
export function signKey(exportedSessionKey: Buffer, direction: Direction): Buffer {
  return magicKey(exportedSessionKey, `session key to ${direction} signing key magic constant\0`);
}

/** SEALKEY (3.4.5.3) for 128-bit keys, the only strength fleet-scan accepts. */
export function sealKey(exportedSessionKey: Buffer, direction: Direction): Buffer {
  return magicKey(exportedSessionKey, `session key to ${direction} sealing key magic constant\0`);
}

function magicKey(key: Buffer, magic: string): Buffer {
  return createHash('md5').update(key).update(magic, 'latin1').digest();
}

interface Channel {
  signKey: Buffer;
  seal: Rc4;
  seqNum: number;
}

/** The security context after authentication: seal what we send, check and unseal what we receive. */
export class NtlmSession {
  readonly role: NtlmRole;
  /** The flags both sides agreed on (the AUTHENTICATE message's NegotiateFlags). */
  readonly flags: number;
  readonly #out: Channel;
  readonly #in: Channel;
  #broken = false;

  constructor(options: { role: NtlmRole; exportedSessionKey: Buffer; flags: number }) {
    this.role = options.role;
    this.flags = options.flags >>> 0;
    if (!has(this.flags, Flag.EXTENDED_SESSION_SECURITY)) {
      throw new NtlmError('NTLM session security needs extended session security, which was not negotiated');
    }
    const mine: Direction = options.role === 'client' ? 'client-to-server' : 'server-to-client';
    const theirs: Direction = options.role === 'client' ? 'server-to-client' : 'client-to-server';
    const channel = (direction: Direction): Channel => ({
      signKey: signKey(options.exportedSessionKey, direction),
      seal: new Rc4(sealKey(options.exportedSessionKey, direction)),
      seqNum: 0,
    });
    this.#out = channel(mine);
    this.#in = channel(theirs);
  }

  /** GSS_WrapEx: seals `plain` and returns the 16-byte signature and the sealed bytes (same length as `plain`). */
  wrap(plain: Buffer): { signature: Buffer; sealed: Buffer } {
    const sealed = Buffer.from(plain);
    return { signature: this.sealInPlace(sealed), sealed };
  }

  /**
   * GSS_WrapEx over a buffer the caller owns: seals `message` where it lies and returns its signature. A large
   * request body is then written once, not copied into a sealed twin.
   */
  sealInPlace(message: Buffer): Buffer {
    if (!has(this.flags, Flag.SEAL)) throw new NtlmError('NTLM sealing was not negotiated, so messages cannot be encrypted');
    // The MAC covers the plaintext; the RC4 stream seals the message first, then the checksum.
    const mac = this.mac(this.#out, message);
    this.#out.seal.update(message, message);
    const signature = this.signature(this.#out, mac);
    this.#out.seqNum++;
    return signature;
  }

  /** GSS_UnwrapEx: unseals and checks the signature and sequence number; throws a one-line NtlmError otherwise. */
  unwrap(sealed: Buffer, signature: Buffer): Buffer {
    if (!has(this.flags, Flag.SEAL)) throw new NtlmError('NTLM sealing was not negotiated, so messages cannot be decrypted');
    if (this.#broken) throw new NtlmError('NTLM session is out of step after an earlier bad message; authenticate again');
    if (signature.length !== 16) return this.fail(`NTLM signature must be 16 bytes, got ${signature.length}`);
    const version = signature.readUInt32LE(0);
    if (version !== 1) return this.fail(`NTLM signature has version ${version}, expected 1`);
    const seqNum = signature.readUInt32LE(12);
    if (seqNum !== this.#in.seqNum) {
      return this.fail(`NTLM message out of order: expected sequence number ${this.#in.seqNum}, got ${seqNum}`);
    }
    const plain = this.#in.seal.update(sealed);
    if (!sameMac(this.sign(this.#in, plain), signature)) {
      return this.fail('NTLM message signature does not match: the message was altered or the session is out of step');
    }
    this.#in.seqNum++;
    return plain;
  }

  /** NTLMSSP_MESSAGE_SIGNATURE with ESS (2.2.2.9.1): version 1, checksum, sequence number. */
  private sign(channel: Channel, plain: Buffer): Buffer {
    return this.signature(channel, this.mac(channel, plain));
  }

  /** The first 8 bytes of HMAC-MD5(signing key, sequence number + plaintext). */
  private mac(channel: Channel, plain: Buffer): Buffer {
    return hmacMd5(channel.signKey, sequenceBytes(channel), plain).subarray(0, 8);
  }

  private signature(channel: Channel, mac: Buffer): Buffer {
    const checksum = has(this.flags, Flag.KEY_EXCH) ? channel.seal.update(mac) : mac;
    const signature = Buffer.alloc(16);
    signature.writeUInt32LE(1, 0);
    checksum.copy(signature, 4);
    signature.writeUInt32LE(channel.seqNum >>> 0, 12);
    return signature;
  }

  // Once a message fails, the receiving RC4 stream (and the peer's) can no longer be trusted to be in step.
  private fail(message: string): never {
    this.#broken = true;
    throw new NtlmError(message);
  }
}

function sequenceBytes(channel: Channel): Buffer {
  const seq = Buffer.alloc(4);
  seq.writeUInt32LE(channel.seqNum >>> 0);
  return seq;
}
