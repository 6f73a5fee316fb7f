import { isIP } from 'node:net';

// One DNS label: letters, digits, `_` and `-`, never starting or ending with `-` (so never an ssh option).
const LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/;

/** True for a DNS name, an IPv4 or an IPv6 literal: nothing a shell or ssh could read as more than a host. */
export function isHostAddress(value: string): boolean {
  if (isIP(value) !== 0) return true;
  if (value.length === 0 || value.length > 253) return false;
  const labels = value.endsWith('.') ? value.slice(0, -1).split('.') : value.split('.');
  return labels.every((label) => LABEL.test(label));
}

/** A loose pattern for editors (JSON Schema); `isHostAddress` is the exact rule. */
export const HOST_ADDRESS_PATTERN = /^[A-Za-z0-9_:][A-Za-z0-9_.:%-]*$/;
