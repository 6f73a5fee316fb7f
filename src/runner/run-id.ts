import { randomBytes } from 'node:crypto';

/** A run id that sorts by time and names files safely: 20261125T080102Z-3fa9. */
export function newRunId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}
