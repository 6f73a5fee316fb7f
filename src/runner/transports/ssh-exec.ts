import { spawn } from 'node:child_process';
import { sshOptions, type HostKeyPolicy } from '../ssh-options.js';
import { reasonLine } from '../../record/one-line.js';
import { sshReason } from '../ssh-reason.js';
import { CappedLines } from './capped-lines.js';
import type { Bundle, ScanRequest, Transport } from './transport.js';

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

const bundleBytes = new WeakMap<Bundle, Buffer>();

/**
 * What goes to the bootstrap's stdin: the bundle, then the payload after its marker line. The bundle's UTF-8
 * bytes are made once and shared by every host that runs it: 256 hosts starting at once would otherwise each
 * hold their own copy of it (160 KB) while they send.
 */
export function bootstrapInput(bundle: Bundle, payload: string): readonly [Buffer, Buffer] {
  let bytes = bundleBytes.get(bundle);
  if (!bytes) bundleBytes.set(bundle, (bytes = Buffer.from(bundle.text, 'utf8')));
  return [bytes, Buffer.from(`\n#FSPAYLOAD ${payload}\n`, 'utf8')];
}

export interface SshExecOptions {
  ssh?: string;
  /** ssh's environment (the run's, less the WinRM password variables). */
  env?: NodeJS.ProcessEnv;
  hostKeys?: HostKeyPolicy;
  /** Cap on the bytes one host may write to stdout. */
  maxOutputBytes?: number;
}

/** Plain SSH that starts the target's own PowerShell: no remoting protocol, nothing to install. */
export function sshExecTransport(options: SshExecOptions = {}): Transport {
  const ssh = options.ssh ?? 'ssh';
  const cap = options.maxOutputBytes ?? 4 * 1024 * 1024;
  return {
    scan(request: ScanRequest): Promise<void> {
      const { host, stop } = request;
      const args = ['-T', ...sshOptions(host, options.hostKeys), '-p', String(host.port)];
      if (host.user) args.push('-l', host.user);
      if (host.keyFile) args.push('-i', host.keyFile, '-o', 'IdentitiesOnly=yes');
      args.push('--', host.address, host.shell, '-NoProfile', '-NonInteractive', '-EncodedCommand', ENCODED_BOOTSTRAP);
      return new Promise((resolve) => {
        const child = spawn(ssh, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true, env: options.env ?? process.env });
        // ssh leads its own process group: one kill ends it and anything it started.
        stop.onStop(() => process.kill(-child.pid!, 'SIGKILL'));
        let stderr = '';
        const stdout = new CappedLines(cap, (lines) => request.onOutput(lines), (message) => stop.end('output-cap', message));
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk: string) => stdout.push(chunk));
        child.stderr.setEncoding('utf8');
        child.stderr.on('data', (chunk: string) => {
          stderr = (stderr + chunk).slice(-16_384);
        });
        child.stdin.on('error', () => undefined);
        const [bundle, tail] = bootstrapInput(request.bundle, request.payload(new Date()));
        child.stdin.write(bundle);
        child.stdin.end(tail);
        let done = false;
        const finish = (code: number | null, spawnError?: Error): void => {
          if (done) return;
          done = true;
          stdout.end();
          if (spawnError) stop.end('remote-crash', `cannot start ssh: ${spawnError.message}`);
          // 255 is ssh's own failure; a target that never wrote a frame of this scan was never reached.
          else if (code === 255 && !request.reached()) stop.end('connect-failed', sshReason(stderr) ?? 'ssh failed with exit code 255');
          // After the target spoke, 255 is still ssh's own: the connection went (its sshd died), or the remote
          // command was killed by a signal, which OpenSSH reports as 255 with no text. Never "PowerShell exited".
          else if (code === 255) stop.end('remote-crash', lostMidScan(stderr));
          else if (code !== 0) {
            const why = reasonLine(stderr.trim().split('\n').pop() ?? '') || 'no error text';
            stop.end('remote-crash', `remote PowerShell exited with code ${code}: ${why}`);
          }
          resolve();
        };
        child.on('error', (e) => finish(null, e));
        child.on('close', (code) => finish(code));
      });
    },
  };
}

/** Why a session the target had already answered on ended with ssh's own 255. */
function lostMidScan(stderr: string): string {
  const why = sshReason(stderr);
  if (why) return `ssh connection lost mid-scan: ${why}`;
  return 'ssh session ended mid-scan with no error text (exit 255): the remote PowerShell was killed or the connection dropped';
}
