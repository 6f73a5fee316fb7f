import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { firstIssue, issueLine, issuePath } from '../../src/record/zod-issue.js';

describe('zod issues as one line', () => {
  it('a path reads with dots for fields and brackets for list items', () => {
    expect(issuePath(['vars', 'proxy', 'port'])).toBe('vars.proxy.port');
    expect(issuePath(['hosts', 3, 'checks', 0, 'status'])).toBe('hosts[3].checks[0].status');
    expect(issuePath(['tags', 2])).toBe('tags[2]');
    expect(issuePath([])).toBe('');
  });

  it('an issue is `path: message`, and `(root)` when it is about the whole value', () => {
    expect(issueLine({ path: ['port'], message: 'Too big' })).toBe('port: Too big');
    expect(issueLine({ path: [], message: 'Invalid input' })).toBe('(root): Invalid input');
  });

  it('a failed parse is told by its first issue', () => {
    const parsed = z.strictObject({ hosts: z.array(z.strictObject({ port: z.number() })), name: z.string() }).safeParse({ hosts: [{ port: 'x' }] });
    expect(parsed.success).toBe(false);
    expect(firstIssue(parsed.error!)).toBe('hosts[0].port: Invalid input: expected number, received string');
  });

  it('an error with no issues still gives a line', () => {
    expect(firstIssue({ issues: [] })).toBe('(root): does not match the schema');
  });
});
