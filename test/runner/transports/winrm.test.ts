import { describe, expect, it } from 'vitest';
import type { ResolvedHost } from '../../../src/inventory/schema.js';
import { PwshHost } from '../../../src/runner/pwsh-host.js';
import { secretKey, WINRM_NEEDS_WINDOWS, winrmTransport } from '../../../src/runner/transports/winrm.js';
import { runTransport } from '../helpers/run-transport.js';

const host: ResolvedHost = {
  name: 'win01', address: 'win01.contoso.local', transport: 'winrm', user: 'CONTOSO\\svc-scan', port: 5986,
  shell: 'powershell.exe', subsystem: 'powershell', credentialEnv: 'FS_WINRM_PASSWORD', useSsl: true, auth: 'ntlm', skipCertificateCheck: false, lab: false,
  cloud: 'public', tags: [], connectTimeoutMs: 5000, vars: {},
};

describe('winrmTransport', () => {
  it('on a Linux controller ends every host as connect-failed, saying it needs a Windows controller', async () => {
    const worker = new PwshHost();
    try {
      const result = await runTransport(winrmTransport(worker, 'linux'), host, { payload: 'e30=', marker: 'FS-none' });
      expect(result.termination).toEqual({ reason: 'connect-failed', detail: WINRM_NEEDS_WINDOWS });
      // Nothing was started for it: no pwsh process exists for a transport that cannot work here.
      expect(worker.pid).toBeUndefined();
    } finally {
      await worker.close();
    }
  });

  it('keys secrets by the environment variable name, never by value', () => {
    expect(secretKey('FS_WINRM_PASSWORD')).toBe('secret:FS_WINRM_PASSWORD');
  });
});
