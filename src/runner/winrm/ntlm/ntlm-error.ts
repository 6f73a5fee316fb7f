/**
 * A one-line NTLM failure that is safe to show: it never carries a password, a hash or a key, only what went wrong.
 */
export class NtlmError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NtlmError';
  }
}
