import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { NtlmClient } from '../../../../src/runner/winrm/ntlm/client.js';
import {
  AvId,
  avPairText,
  decodeChallenge,
  encodeAuthenticate,
  encodeNegotiate,
  Flag,
  has,
  MIC_OFFSET,
} from '../../../../src/runner/winrm/ntlm/messages.js';
import { NtlmServer, type NtlmAcceptResult } from '../../../../src/runner/winrm/ntlm/server.js';
import { ntHash, ntowfv2 } from '../../../../src/runner/winrm/ntlm/ntlmv2.js';
import { testCertificate as cert } from './test-certificates.js';

const CANARY = 'Canary-Pa55w0rd!-7f3e';
const ACCOUNTS: Record<string, string> = { 'WEB01\\fleet-scan': CANARY, '\\admin@contoso.com': 'Upn-Pa55' };

function newServer(): NtlmServer {
  return new NtlmServer({
    lookup: (user, domain) => ACCOUNTS[`${domain.toUpperCase()}\\${user}`],
    targetName: 'WEB01',
    netbiosComputer: 'WEB01',
    dnsComputer: 'web01.lab.test',
  });
}

/** One full handshake; `tamper` may change the AUTHENTICATE bytes on the way. */
function handshake(
  password: string,
  options: { user?: string; clientCert?: Buffer; serverCert?: Buffer; tamper?: (auth: Buffer) => Buffer } = {},
): { client: NtlmClient; result: NtlmAcceptResult } {
  const server = newServer();
  const client = new NtlmClient({ user: options.user ?? 'WEB01\\fleet-scan', password, workstation: 'CONTROLLER' });
  const challenge = server.challenge(client.negotiate());
  const auth = client.authenticate(challenge, { tlsServerCertificate: options.clientCert });
  const result = server.accept(options.tamper ? options.tamper(auth) : auth, { tlsServerCertificate: options.serverCert });
  return { client, result };
}

describe('NtlmServer.challenge', () => {
  it('answers like a workgroup Windows server: target info with names and a timestamp, TARGET_TYPE_SERVER', () => {
    const client = new NtlmClient({ user: 'u', password: 'p' });
    const challenge = decodeChallenge(newServer().challenge(client.negotiate()));
    expect(challenge.targetName).toBe('WEB01');
    expect(has(challenge.flags, Flag.TARGET_INFO) && has(challenge.flags, Flag.TARGET_TYPE_SERVER)).toBe(true);
    expect(has(challenge.flags, Flag.OEM)).toBe(false);
    expect(challenge.targetInfo!.map((p) => p.id)).toEqual([AvId.NB_DOMAIN_NAME, AvId.NB_COMPUTER_NAME, AvId.DNS_DOMAIN_NAME, AvId.DNS_COMPUTER_NAME, AvId.TIMESTAMP]);
    expect(avPairText(challenge.targetInfo, AvId.DNS_COMPUTER_NAME)).toBe('web01.lab.test');
    const time = challenge.targetInfo!.find((p) => p.id === AvId.TIMESTAMP)!.value.readBigUInt64LE();
    const nowTicks = (BigInt(Date.now()) + 11_644_473_600_000n) * 10_000n;
    expect(nowTicks - time < 50_000_000n).toBe(true); // within 5 s
  });

  it('says TARGET_TYPE_DOMAIN and names the DNS tree for a domain member', () => {
    const server = new NtlmServer({ lookup: () => undefined, targetName: 'CONTOSO', netbiosComputer: 'WEB01', dnsComputer: 'web01.contoso.com', dnsDomain: 'contoso.com' });
    const challenge = decodeChallenge(server.challenge(new NtlmClient({ user: 'u', password: 'p' }).negotiate()));
    expect(has(challenge.flags, Flag.TARGET_TYPE_DOMAIN)).toBe(true);
    expect(avPairText(challenge.targetInfo, AvId.DNS_TREE_NAME)).toBe('contoso.com');
  });

  it('sends a fresh server challenge every time', () => {
    const negotiate = new NtlmClient({ user: 'u', password: 'p' }).negotiate();
    const server = newServer();
    expect(decodeChallenge(server.challenge(negotiate)).serverChallenge.equals(decodeChallenge(server.challenge(negotiate)).serverChallenge)).toBe(false);
  });

  it('refuses a client that does not ask for extended session security', () => {
    const old = encodeNegotiate(Flag.UNICODE | Flag.NTLM | Flag.KEY_128, undefined);
    expect(() => newServer().challenge(old)).toThrow(/^NTLM client did not ask for extended session security$/);
  });
});

describe('NtlmServer.accept', () => {
  it('accepts the right password and hands back the user, the domain and a session', () => {
    const { result } = handshake(CANARY);
    expect(result.ok).toBe(true);
    if (result.ok) expect([result.domain, result.user]).toEqual(['WEB01', 'fleet-scan']);
  });

  it('accepts a UPN sent with an empty domain', () => {
    const { result } = handshake('Upn-Pa55', { user: 'admin@contoso.com' });
    expect(result.ok && result.user).toBe('admin@contoso.com');
  });

  it('refuses a wrong password', () => {
    const { result } = handshake('not-the-password');
    expect(result).toEqual({ ok: false, reason: 'wrong password for WEB01\\fleet-scan' });
  });

  it('refuses an unknown user', () => {
    expect(handshake(CANARY, { user: 'WEB01\\nobody' }).result).toEqual({ ok: false, reason: 'unknown user WEB01\\nobody' });
  });

  it('refuses an AUTHENTICATE whose MIC was altered', () => {
    const { result } = handshake(CANARY, { tamper: (auth) => (auth[MIC_OFFSET]! ^= 1, auth) });
    expect(result).toEqual({ ok: false, reason: 'NTLM MIC from WEB01\\fleet-scan does not match the three messages' });
  });

  it('refuses an AUTHENTICATE whose NTLMv2 response was altered', () => {
    const { result } = handshake(CANARY, {
      tamper: (auth) => {
        const at = auth.readUInt32LE(24) + 40; // a byte inside the client blob
        auth[at]! ^= 1;
        return auth;
      },
    });
    expect(result.ok).toBe(false);
  });

  it('refuses an NTLMv1 response', () => {
    const server = newServer();
    server.challenge(new NtlmClient({ user: 'u', password: 'p' }).negotiate());
    const v1 = encodeAuthenticate({
      flags: (Flag.UNICODE | Flag.NTLM | Flag.EXTENDED_SESSION_SECURITY | Flag.KEY_128) >>> 0,
      lmResponse: Buffer.alloc(24),
      ntResponse: Buffer.alloc(24, 1),
      domain: 'WEB01',
      user: 'fleet-scan',
      workstation: 'OLD',
      encryptedRandomSessionKey: Buffer.alloc(0),
      version: undefined,
    });
    expect(server.accept(v1)).toEqual({ ok: false, reason: 'NTLMv1 response from WEB01\\fleet-scan refused: NTLMv2 only' });
  });

  it('accepts one answer per challenge', () => {
    const server = newServer();
    const client = new NtlmClient({ user: 'WEB01\\fleet-scan', password: CANARY });
    const auth = client.authenticate(server.challenge(client.negotiate()));
    expect(server.accept(auth).ok).toBe(true);
    expect(server.accept(auth)).toEqual({ ok: false, reason: 'no NTLM challenge is pending on this connection' });
  });

  it('turns a malformed AUTHENTICATE into a refusal, not an exception', () => {
    const server = newServer();
    server.challenge(new NtlmClient({ user: 'u', password: 'p' }).negotiate());
    expect(server.accept(Buffer.from('garbage'))).toEqual({ ok: false, reason: 'not an NTLM AUTHENTICATE message (no NTLMSSP signature or too short)' });
  });

  it('requires the channel binding of its certificate when it has one (CbtHardeningLevel=Strict)', () => {
    const mine = cert('ec-sha256');
    expect(handshake(CANARY, { clientCert: mine, serverCert: mine }).result.ok).toBe(true);
    expect(handshake(CANARY, { serverCert: mine }).result).toEqual({ ok: false, reason: 'NTLM from WEB01\\fleet-scan lacks the channel binding of this HTTPS listener' });
    expect(handshake(CANARY, { clientCert: cert('ec-sha384'), serverCert: mine }).result.ok).toBe(false);
  });
});

describe('client and server sessions', () => {
  it('keep in step over many messages in both directions', () => {
    const { client, result } = handshake(CANARY);
    if (!result.ok) throw new Error(result.reason);
    for (let n = 0; n < 100; n++) {
      const request = client.session().wrap(Buffer.from(`<Command n="${n}"/>`));
      expect(result.session.unwrap(request.sealed, request.signature).toString()).toBe(`<Command n="${n}"/>`);
      const reply = result.session.wrap(Buffer.from(`<Output n="${n}"/>`.repeat(n + 1)));
      expect(client.session().unwrap(reply.sealed, reply.signature).toString()).toBe(`<Output n="${n}"/>`.repeat(n + 1));
    }
  });

  it('refuse a tampered sealed message', () => {
    const { client, result } = handshake(CANARY);
    if (!result.ok) throw new Error(result.reason);
    const { sealed, signature } = client.session().wrap(Buffer.from('Stop-Computer'));
    sealed[0]! ^= 0x20;
    expect(() => result.session.unwrap(sealed, signature)).toThrow(/signature does not match/);
  });
});

describe('secrets', () => {
  it('never puts the password or its hashes in an error, a refusal or the client object', () => {
    const secrets = [
      CANARY,
      Buffer.from(CANARY, 'utf16le').toString('hex'),
      Buffer.from(CANARY).toString('base64'),
      ntHash(CANARY).toString('hex'),
      ntowfv2(ntHash(CANARY), 'fleet-scan', 'WEB01').toString('hex'),
    ];
    const said: string[] = [];
    const attempt = (run: () => unknown): void => {
      try {
        run();
      } catch (error) {
        said.push(String(error), (error as Error).stack ?? '');
      }
    };

    for (const password of [CANARY, `${CANARY}x`]) {
      const { client, result } = handshake(password, { serverCert: cert('ec-sha256') });
      said.push(JSON.stringify(result), inspect(client, { depth: 5, showHidden: true }), JSON.stringify(client));
    }
    said.push(JSON.stringify(handshake(CANARY, { tamper: (a) => (a[MIC_OFFSET]! ^= 1, a) }).result));
    const { client, result } = handshake(CANARY);
    if (!result.ok) throw new Error(result.reason);
    attempt(() => client.authenticate(Buffer.alloc(10)));
    attempt(() => new NtlmClient({ user: 'A\\b', domain: 'C', password: CANARY }));
    attempt(() => result.session.unwrap(Buffer.from('x'), Buffer.alloc(16)));
    attempt(() => result.session.unwrap(Buffer.from('x'), Buffer.alloc(16)));

    expect(said.length).toBeGreaterThan(10);
    for (const text of said) for (const secret of secrets) expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
  });
});
