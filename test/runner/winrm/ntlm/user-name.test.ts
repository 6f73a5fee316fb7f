import { describe, expect, it } from 'vitest';
import { splitUserName } from '../../../../src/runner/winrm/ntlm/user-name.js';

describe('splitUserName', () => {
  it('splits DOMAIN\\user into domain and user', () => {
    expect(splitUserName('CONTOSO\\svc-scan')).toEqual({ domain: 'CONTOSO', user: 'svc-scan' });
  });

  it('keeps a UPN whole with an empty domain, as Windows sends it', () => {
    expect(splitUserName('svc-scan@contoso.com')).toEqual({ domain: '', user: 'svc-scan@contoso.com' });
  });

  it('gives a bare user an empty domain (a local account of the target)', () => {
    expect(splitUserName('Administrator')).toEqual({ domain: '', user: 'Administrator' });
  });

  it('splits at the first backslash only', () => {
    expect(splitUserName('.\\odd\\name')).toEqual({ domain: '.', user: 'odd\\name' });
  });
});
