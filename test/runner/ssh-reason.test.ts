import { describe, expect, it } from 'vitest';
import { sshReason } from '../../src/runner/ssh-reason.js';

// What OpenSSH's client prints for each failure, in its own words, and the one line a report must show
// for it.
const CASES: Array<[string, string, string]> = [
  ['no listener', 'ssh: connect to host 127.0.0.50 port 2222: Connection refused', 'connection refused (nothing listening on the port)'],
  ['silent peer, ssh ConnectTimeout', 'Connection timed out during banner exchange\nConnection to 127.0.0.51 port 2222 timed out', 'connect timed out during the SSH banner exchange'],
  ['SSH banner, then silence (OpenSSH 9.2 at LogLevel INFO, after ServerAlive gives up)', 'Connection to 127.0.0.1 port 42023 timed out', 'connect timed out: the host answered, then stopped before the SSH handshake finished'],
  ['TCP connect timeout', 'ssh: connect to host 10.1.2.3 port 22: Connection timed out', 'connect timed out'],
  ['no Subsystem line', 'subsystem request failed on channel 0', 'no powershell subsystem on the host (subsystem request failed)'],
  ['wrong key', 'root@127.0.0.2: Permission denied (publickey).', 'authentication failed: permission denied (publickey)'],
  [
    'host key changed',
    '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\nHost key verification failed.',
    'host key mismatch: the host key differs from known_hosts (Host key verification failed)',
  ],
  [
    'host key unknown',
    'No ED25519 host key is known for [127.0.0.3]:2222 and you have requested strict checking.\r\nHost key verification failed.\r\n',
    'unknown host key: not in known_hosts and strict checking is on (to trust it on first use: --accept-new-host-keys)',
  ],
  ['frozen peer with keep-alives', 'Timeout, server 127.0.0.4 not responding.', 'server stopped responding (keep-alive timeout)'],
  ['DNS', 'ssh: Could not resolve hostname fs99.contoso.local: Name or service not known', 'DNS: cannot resolve fs99.contoso.local'],
  ['no route', 'ssh: connect to host 10.9.9.9 port 22: No route to host', 'no route to host'],
  ['reset', 'kex_exchange_identification: read: Connection reset by peer\nConnection reset by 127.0.0.9 port 2222', 'connection reset by the host'],
  ['bad key file mode', 'Bad owner or permissions on /root/.ssh/config', 'local ssh file has bad permissions: /root/.ssh/config'],
];

describe('sshReason', () => {
  for (const [what, said, reason] of CASES) {
    it(`says "${reason}" for ${what}`, () => {
      expect(sshReason(said)).toBe(reason);
    });
  }

  it('tells a changed host key from an unknown one, though ssh ends both with the same line', () => {
    expect(sshReason('Host key verification failed.')).toMatch(/^host key mismatch/);
    expect(sshReason('No ECDSA host key is known for fs01 and you have requested strict checking.\nHost key verification failed.')).toMatch(/^unknown host key/);
  });

  it("falls back to ssh's last meaningful line, skipping banners and known-hosts chatter", () => {
    expect(sshReason('Warning: Permanently added [127.0.0.2]:2222 to the list of known hosts.\nsomething odd happened\n')).toBe('something odd happened');
  });

  it('gives no reason for silence', () => {
    expect(sshReason('')).toBeUndefined();
    expect(sshReason('\n\n')).toBeUndefined();
  });
});

describe('sshReason on a very long last line', () => {
  it('cuts it to a reason of at most 300 characters', () => {
    const reason = sshReason(`kex_exchange_identification: ${'x'.repeat(1000)}`)!;
    expect(reason).toHaveLength(300);
    expect(reason.endsWith('…')).toBe(true);
  });
});
