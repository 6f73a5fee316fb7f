import type { PwshHost } from '../pwsh-host.js';
import type { ScanRequest, Transport } from './transport.js';
import { WorkerTransport } from './worker-transport.js';
import { workerScript } from './worker-scripts.js';

export const WINRM_NEEDS_WINDOWS =
  'the winrm transport needs a Windows controller (PowerShell on Linux and macOS has no WinRM client); use ssh or ssh-exec from here';

/** Secrets travel to the worker as blobs under this prefix: never argv, never source text, never logs. */
export const secretKey = (envName: string): string => `secret:${envName}`;

/**
 * WinRM (`New-PSSession -ComputerName`, HTTPS 5986 by default). Shares the session code with the ssh
 * transport; only the parameter set differs. The password comes from the environment variable the
 * inventory names (or a prompt, resolved by the caller and stored with `worker.setBlob(secretKey(...))`).
 */
export function winrmTransport(worker: PwshHost, platform: NodeJS.Platform = process.platform): Transport {
  const inner = new WorkerTransport(worker, {
    script: workerScript('scan-winrm.ps1'),
    params: ({ host }) => ({
      ComputerName: host.address,
      Port: host.port,
      UseSsl: host.useSsl,
      UserName: host.user ?? '',
      ConnectMs: host.connectTimeoutMs,
    }),
    blobParams: ({ host }): Record<string, string> => (host.credentialEnv ? { Secret: secretKey(host.credentialEnv) } : {}),
  });
  return {
    async scan(request: ScanRequest): Promise<void> {
      if (platform !== 'win32') return void request.stop.end('connect-failed', WINRM_NEEDS_WINDOWS);
      return inner.scan(request);
    },
  };
}
