import { spawn } from 'node:child_process';
import { sshOptions } from '../ssh-options.js';
import { oneLine, sshReason } from '../ssh-reason.js';
import type { ScanRequest, Transport, TransportResult } from './transport.js';

/**
 * Read by the target's own Windows PowerShell 5.1 (`-EncodedCommand`, UTF-16LE base64): take the bundle and
 * the payload from stdin and run the bundle as one script block. The command line stays short (Windows caps
 * it near 32,767 characters) and `-Command -` would run the input statement by statement.
 */
const BOOTSTRAP = [
  "$ErrorActionPreference = 'Stop'",
  '$t = [Console]::In.ReadToEnd()',
  "$i = $t.LastIndexOf('#FSPAYLOAD ')",
  '. ([scriptblock]::Create($t.Substring(0, $i)))',
  'Invoke-FleetScanPack -PayloadBase64 $t.Substring($i + 11).Trim()',
].join('; ');
export const ENCODED_BOOTSTRAP = Buffer.from(BOOTSTRAP, 'utf16le').toString('base64');

export interface SshExecOptions {
  ssh?: string;
  /** Cap on the bytes one host may write to stdout. */
  maxOutputBytes?: number;
}

/** Plain SSH that starts the target's own PowerShell: no remoting protocol, nothing to install. */
export function sshExecTransport(options: SshExecOptions = {}): Transport {
  const ssh = options.ssh ?? 'ssh';
  const cap = options.maxOutputBytes ?? 4 * 1024 * 1024;
  return {
    scan(request: ScanRequest): Promise<TransportResult> {
      const { host } = request;
      const args = ['-T', ...sshOptions(host), '-p', String(host.port)];
      if (host.user) args.push('-l', host.user);
      if (host.keyFile) args.push('-i', host.keyFile, '-o', 'IdentitiesOnly=yes');
      args.push('--', host.address, host.shell, '-NoProfile', '-NonInteractive', '-EncodedCommand', ENCODED_BOOTSTRAP);
      return new Promise((resolve) => {
        const child = spawn(ssh, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
        const output: string[] = [];
        let stderr = '';
        let bytes = 0;
        let partial = '';
        let stopped: 'deadline' | 'interrupted' | 'overflow' | undefined;
        const kill = (why: typeof stopped): void => {
          stopped ??= why;
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // gone already
          }
        };
        const timer = setTimeout(() => kill('deadline'), request.deadlineMs);
        const onInterrupt = (): void => kill('interrupted');
        request.signal.addEventListener('abort', onInterrupt, { once: true });
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk: string) => {
          bytes += chunk.length;
          if (bytes > cap) return kill('overflow');
          const lines = (partial + chunk).split('\n');
          partial = lines.pop() ?? '';
          const items = lines.map((l) => l.replace(/\r$/, ''));
          output.push(...items);
          request.onOutput?.(items);
        });
        child.stderr.setEncoding('utf8');
        child.stderr.on('data', (chunk: string) => {
          stderr = (stderr + chunk).slice(-16_384);
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(`${request.bundle.text}\n#FSPAYLOAD ${request.payload}\n`);
        const finish = (code: number | null, spawnError?: Error): void => {
          clearTimeout(timer);
          request.signal.removeEventListener('abort', onInterrupt);
          if (partial) output.push(partial);
          if (spawnError) return resolve({ ended: 'crashed', reason: `cannot start ssh: ${spawnError.message}`, output });
          if (stopped === 'deadline' || stopped === 'interrupted') return resolve({ ended: stopped, output });
          if (stopped === 'overflow') return resolve({ ended: 'crashed', reason: `output exceeded the cap of ${cap} bytes`, output });
          // 255 is ssh's own failure; with nothing framed written, the host was never reached.
          if (code === 255 && !output.some((o) => o.includes(' report ') || o.includes(' check '))) {
            return resolve({ ended: 'connect-failed', reason: sshReason(stderr) ?? 'ssh failed with exit code 255', output });
          }
          if (code !== 0) {
            const why = oneLine(stderr.trim().split('\n').pop() ?? '') || 'no error text';
            return resolve({ ended: 'crashed', reason: `remote PowerShell exited with code ${code}: ${why}`, output });
          }
          resolve({ ended: 'completed', output });
        };
        child.on('error', (e) => finish(null, e));
        child.on('close', (code) => finish(code));
      });
    },
  };
}
