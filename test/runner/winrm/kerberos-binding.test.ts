import { describe, expect, it } from 'vitest';
import { gssMessage, gssServiceName, loadKerberos } from '../../../src/runner/winrm/kerberos-binding.js';

describe('the kerberos binding', () => {
  it('loads once (set-up builds it against libkrb5-dev) and offers SPNEGO and mutual authentication', async () => {
    const first = loadKerberos();
    expect(loadKerberos()).toBe(first);
    const loaded = await first;
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect([loaded.binding.GSS_MECH_OID_SPNEGO, loaded.binding.GSS_C_MUTUAL_FLAG]).toEqual([6, 2]);
  });

  it("turns Windows' HTTP/host (with or without @REALM) into GSSAPI's host-based HTTP@host", () => {
    expect(gssServiceName('HTTP/fs01.corp.example')).toBe('HTTP@fs01.corp.example');
    expect(gssServiceName('HTTP/fs01.corp.example@CORP.EXAMPLE')).toBe('HTTP@fs01.corp.example');
  });

  it("keeps MIT's minor status, the part that says what happened, on one line", () => {
    expect(gssMessage('Unspecified GSS failure.  Minor code may provide more information: Ticket expired')).toBe('Ticket expired');
    expect(gssMessage('Invalid token was supplied: Unknown error\nmore')).toBe('Invalid token was supplied: Unknown error');
    expect(gssMessage('')).toBe('no message');
  });
});
