import { reasonLine } from '../../record/one-line.js';
import { CappedLines } from './capped-lines.js';
import { runWinrsCommand, type WinrmTarget } from '../winrm/winrs-client.js';
import { bootstrapInput, ENCODED_BOOTSTRAP } from './ssh-exec.js';
import type { ScanRequest, Transport } from './transport.js';

export interface WinrmTransportOptions {
  /** Passwords by the NAME of the environment variable the inventory gives (`credentialEnv`). */
  secrets: ReadonlyMap<string, string>;
  /** Cap on the bytes one host may write to stdout. */
  maxOutputBytes?: number;
}

/** Why a host cannot even be tried over WinRM, from the inventory alone. */
function missingCredential(request: ScanRequest, secrets: ReadonlyMap<string, string>): string | undefined {
  const { host } = request;
  // Kerberos logs on with the controller's ticket (kinit or a client keytab): no account, no password.
  if (host.auth === 'kerberos') return undefined;
  if (!host.user) return 'winrm needs an account: set user (user, DOMAIN\\user or user@domain) for this host';
  if (!host.credentialEnv) return 'winrm needs a password: set credentialEnv to the NAME of an environment variable that holds it';
  if (!secrets.has(host.credentialEnv)) return `no password: environment variable ${host.credentialEnv} is not set (and no terminal to ask on)`;
  return undefined;
}

/**
 * WinRM from any controller, with nothing installed on the target: the same remote design as ssh-exec
 * (the target's own powershell.exe, the bootstrap on its command line, bundle and payload on stdin), run
 * through a WinRS cmd shell. A stop aborts the command: the client signals terminate and deletes the shell.
 */
export function winrmTransport(options: WinrmTransportOptions): Transport {
  const cap = options.maxOutputBytes ?? 4 * 1024 * 1024;
  return {
    async scan(request: ScanRequest): Promise<void> {
      const { host, stop } = request;
      const missing = missingCredential(request, options.secrets);
      if (missing) return void stop.end('connect-failed', missing);
      const target: WinrmTarget = {
        address: host.address,
        port: host.port,
        https: host.useSsl,
        auth: host.auth,
        user: host.user ?? '',
        password: host.auth === 'kerberos' ? '' : options.secrets.get(host.credentialEnv!)!,
        ...(host.spnHost ? { spnHost: host.spnHost } : {}),
        tls: { caFile: host.caFile, certThumbprint: host.certThumbprint, insecure: host.skipCertificateCheck },
        connectTimeoutMs: host.connectTimeoutMs,
      };
      const abort = new AbortController();
      stop.onStop(() => abort.abort());
      const stdout = new CappedLines(cap, (lines) => request.onOutput(lines), (message) => stop.end('output-cap', message));
      let stderr = '';
      const outcome = await runWinrsCommand(target, {
        command: host.shell,
        args: ['-NoProfile', '-NonInteractive', '-EncodedCommand', ENCODED_BOOTSTRAP],
        // Stamped when the shell and command exist: the connection is then behind us.
        stdin: () => bootstrapInput(request.bundle, request.payload(new Date())),
        signal: abort.signal,
        onStdout: (text) => stdout.push(text),
        onStderr: (text) => {
          stderr = (stderr + text).slice(-16_384);
        },
      });
      stdout.end();
      if (outcome.ok) {
        if (outcome.exitCode !== 0) {
          const why = reasonLine(stderr.trim().split('\n').pop() ?? '') || 'no error text';
          stop.end('remote-crash', `remote PowerShell exited with code ${outcome.exitCode}: ${why}`);
        }
        return;
      }
      if (outcome.stage === 'aborted') return;
      // No session (refused, TLS, 401, a fault at Create such as the shell quota): the host was not reached.
      if (outcome.stage !== 'command' && !request.reached()) stop.end('connect-failed', outcome.reason);
      else stop.end('remote-crash', `the WinRM session broke: ${outcome.reason}`);
    },
  };
}
