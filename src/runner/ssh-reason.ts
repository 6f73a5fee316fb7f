import { reasonLine } from '../record/one-line.js';

/**
 * Turns ssh's own error text into one line that says why a host could not be reached. PowerShell reports
 * every connect failure as one generic transport error, so ssh's words are the only honest reason.
 */
const RULES: ReadonlyArray<[RegExp, (m: RegExpMatchArray) => string]> = [
  [/Could not resolve hostname ([^:\s]+)/i, (m) => `DNS: cannot resolve ${m[1]}`],
  [/Connection refused/i, () => 'connection refused (nothing listening on the port)'],
  [/Connection timed out during banner exchange/i, () => 'connect timed out during the SSH banner exchange'],
  [/(Connection timed out|Operation timed out)/i, () => 'connect timed out'],
  [/Connection to \S+ port \d+ timed out/i, () => 'connect timed out: the host answered, then stopped before the SSH handshake finished'],
  [/No route to host/i, () => 'no route to host'],
  [/Network is unreachable/i, () => 'network unreachable'],
  // ssh ends both cases with "Host key verification failed": the unknown key must be told apart first.
  [/No \S+ host key is known for/i, () => 'unknown host key: not in known_hosts and strict checking is on (to trust it on first use: --accept-new-host-keys)'],
  [/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed/i, () => 'host key mismatch: the host key differs from known_hosts (Host key verification failed)'],
  [/Permission denied \(([^)]*)\)/i, (m) => `authentication failed: permission denied (${m[1]})`],
  [/subsystem request failed/i, () => 'no powershell subsystem on the host (subsystem request failed)'],
  [/Timeout, server \S+ not responding/i, () => 'server stopped responding (keep-alive timeout)'],
  [/Connection (reset|closed) by/i, (m) => `connection ${m[1]!.toLowerCase()} by the host`],
  [/Bad owner or permissions on (\S+)/i, (m) => `local ssh file has bad permissions: ${m[1]}`],
  [/Identity file (\S+) not accessible/i, (m) => `key file not accessible: ${m[1]}`],
];

export function sshReason(stderr: string): string | undefined {
  for (const [pattern, say] of RULES) {
    const m = stderr.match(pattern);
    if (m) return say(m);
  }
  const last = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('@@@') && !/^Warning: Permanently added/i.test(l))
    .pop();
  return last ? reasonLine(last) : undefined;
}
