/**
 * How a fake host misbehaves, one way each, for tests of the client's failure handling:
 * - `wrong-password`: the account's password on the host is not the one the lab hands out, so NTLM and
 *   Basic end in the 401 Windows sends for bad credentials.
 * - `quota`: the user already holds MaxShellsPerUser shells, so Create answers the w:QuotaLimit fault.
 * - `never-answers`: TCP is accepted and read, and not one byte is ever written.
 * - `bad-certificate`: HTTPS with a certificate from a CA the lab does not trust (the name matches).
 * - `slow`: every Receive is answered late.
 */
export const BEHAVIOURS = ['wrong-password', 'quota', 'never-answers', 'bad-certificate', 'slow'] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

/** How late a `slow` host answers each Receive, unless the host says otherwise. */
export const SLOW_RECEIVE_MS = 3000;

/** The password the host's account really has: the lab's, except on a `wrong-password` host. */
export function hostPassword(behaviour: Behaviour | undefined, labPassword: string): string {
  return behaviour === 'wrong-password' ? `not-${labPassword}` : labPassword;
}

/** Shells counted against the user's quota: a `quota` host is already full. */
export function shellsInUse(behaviour: Behaviour | undefined, open: number, max: number): number {
  return behaviour === 'quota' ? Math.max(open, max) : open;
}

/** Delay before answering a Receive. */
export function receiveDelayMs(behaviour: Behaviour | undefined, slowMs = SLOW_RECEIVE_MS): number {
  return behaviour === 'slow' ? slowMs : 0;
}
