import { execFile } from 'node:child_process';
import { runPwshScript, type PwshRun } from './pwsh.js';

export interface LabClient {
  clientKey: string;
  knownHosts: string;
}

/** `-Options @{...}` for lab hosts: strict host keys from the lab's known_hosts, never a prompt. */
export function sshOptionsPs(client: LabClient): string {
  return `@{ UserKnownHostsFile = '${client.knownHosts}'; GlobalKnownHostsFile = '/dev/null'; ` +
    `StrictHostKeyChecking = 'yes'; BatchMode = 'yes' }`;
}

/** `Invoke-Command -HostName ...` over real SSH into lab hosts, as PowerShell text. */
export function invokeCommandPs(client: LabClient, addresses: string[], scriptBlock: string, connectMs = 10_000, port = 2222): string {
  const hosts = addresses.map((a) => `'${a}'`).join(',');
  return `Invoke-Command -HostName ${hosts} -Port ${port} -UserName root -KeyFilePath '${client.clientKey}' ` +
    `-Options ${sshOptionsPs(client)} -ConnectingTimeout ${connectMs} -ScriptBlock { ${scriptBlock} }`;
}

/** Runs `scriptBlock` on the hosts and returns pwsh's exit code and output (ssh's own errors are on stderr). */
export function invokeOnLab(client: LabClient, addresses: string[], scriptBlock: string, connectMs = 10_000): Promise<PwshRun> {
  return runPwshScript(invokeCommandPs(client, addresses, scriptBlock, connectMs), { timeoutMs: 90_000 });
}

/** Plain `ssh host command...` with the lab's key and known_hosts (what the ssh-exec transport does). */
export function sshExec(client: LabClient, address: string, command: string[], port = 2222): Promise<PwshRun> {
  const args = ['-i', client.clientKey, '-p', String(port), '-l', 'root',
    '-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${client.knownHosts}`,
    '-o', 'GlobalKnownHostsFile=/dev/null', '-o', 'ConnectTimeout=10', '-o', 'LogLevel=ERROR', address, ...command];
  return new Promise((resolve) => {
    execFile('ssh', args, { timeout: 60_000, killSignal: 'SIGKILL', env: { ...process.env, TERM: 'dumb' } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}
