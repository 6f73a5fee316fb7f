/**
 * RC4, the cipher NTLM seals with. Node's OpenSSL 3 keeps RC4 in the legacy provider, which is not loaded by
 * default, so it lives here. A handle keeps its state: NTLM seals every message of a session with one running stream.
 */
export class Rc4 {
  readonly #s = new Uint8Array(256);
  #i = 0;
  #j = 0;

  constructor(key: Buffer) {
    if (key.length === 0) throw new Error('RC4 key must not be empty');
    for (let i = 0; i < 256; i++) this.#s[i] = i;
    for (let i = 0, j = 0; i < 256; i++) {
      j = (j + this.#s[i]! + key[i % key.length]!) & 0xff;
      this.swap(i, j);
    }
  }

  /** Encrypts or decrypts (the same thing) the next bytes of the stream into `out`, which may be `data` itself. */
  update(data: Buffer, out: Buffer = Buffer.allocUnsafe(data.length)): Buffer {
    if (out.length < data.length) throw new Error('RC4 output buffer is shorter than its input');
    for (let n = 0; n < data.length; n++) {
      this.#i = (this.#i + 1) & 0xff;
      this.#j = (this.#j + this.#s[this.#i]!) & 0xff;
      this.swap(this.#i, this.#j);
      out[n] = data[n]! ^ this.#s[(this.#s[this.#i]! + this.#s[this.#j]!) & 0xff]!;
    }
    return out;
  }

  private swap(a: number, b: number): void {
    const t = this.#s[a]!;
    this.#s[a] = this.#s[b]!;
    this.#s[b] = t;
  }
}

/** One-shot RC4 with a fresh key (MS-NLMP's RC4K), e.g. to encrypt the random session key. */
export function rc4(key: Buffer, data: Buffer): Buffer {
  return new Rc4(key).update(data);
}
