import type { PwshHost } from '../pwsh-host.js';
import { sshOptionMap, type HostKeyPolicy } from '../ssh-options.js';
import { SshHostFiles } from '../ssh-pid.js';
import { reasonLine } from '../../record/one-line.js';
import type { ScanRequest } from './transport.js';
import { WorkerTransport } from './worker-transport.js';
import { workerScript } from './worker-scripts.js';

/** PowerShell remoting over SSH (`New-PSSession -HostName`): the target needs PowerShell 7 and the subsystem. */
export function sshRemotingTransport(worker: PwshHost, sshDir: string, hostKeys: HostKeyPolicy = 'strict'): WorkerTransport {
  const files = (r: ScanRequest): SshHostFiles => new SshHostFiles(sshDir, r.host.address, r.host.port);
  return new WorkerTransport(worker, {
    script: workerScript('scan-ssh.ps1'),
    params: ({ host }) => ({
      HostName: host.address,
      Port: host.port,
      UserName: host.user ?? '',
      KeyFile: host.keyFile ?? '',
      SshOptions: sshOptionMap(host, hostKeys),
      ConnectMs: host.connectTimeoutMs,
      Subsystem: host.subsystem,
    }),
    prepare: (r) => files(r).clear(),
    cancel: (r) => files(r).killSsh(),
    connectReason: (r, message) => {
      if (/failed after time out/i.test(message)) return `connect timed out after ${Math.round(r.host.connectTimeoutMs / 1000)} s (TCP accepted, SSH never completed)`;
      return files(r).reason() ?? reasonLine(message);
    },
  });
}
