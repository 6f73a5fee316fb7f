import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENCODED_BOOTSTRAP } from '../../../src/runner/transports/ssh-exec.js';
import { runWinrsCommand, type WinrsOutcome } from '../../../src/runner/winrm/winrs-client.js';
import type { WinrmTarget } from '../../../src/runner/winrm/winrm-target.js';
import { HTTP_PORT, HTTPS_PORT, startTestFake, USER, type TestFake } from '../../lab/fake-winrm/helpers/test-fake.js';

// End to end against fake-winrm, which answers as Windows does and runs the lab's real pwsh for
// powershell.exe: the same bootstrap and stdin framing as ssh-exec, over HTTP+NTLM (sealed bodies),
// HTTPS+NTLM (channel binding) and HTTPS+Basic. Addresses 127.63.0.x belong to this file.

const HOSTS = {
  web: '127.63.0.1',
  badPassword: '127.63.0.2',
  full: '127.63.0.3',
  mute: '127.63.0.4',
  rogue: '127.63.0.5',
};

/** A stand-in check bundle: one framed line per "check", text beyond ASCII, stderr, and an exit code. */
const BUNDLE = `
function Invoke-FleetScanPack {
  param([string]$PayloadBase64)
  $payload = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($PayloadBase64))
  [Console]::Out.Write("FS-1 check $payload\`n")
  [Console]::Out.Flush()
  [Console]::Error.WriteLine('warn: slow disk')
  if ($payload -eq 'sleep') { Start-Sleep -Seconds 120 }
  [Console]::Out.Write("caf\u00e9 \u2713\`nFS-1 report done\`n")
  exit 3
}
`;

function stdinFor(payload: string): string {
  return `${BUNDLE}\n#FSPAYLOAD ${Buffer.from(payload, 'utf8').toString('base64')}\n`;
}

let dir: string;
let lab: TestFake;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fs-winrs-e2e-'));
  lab = await startTestFake(dir, [
    { name: 'web01', address: HOSTS.web },
    { name: 'web02', address: HOSTS.badPassword, winrm: { behaviour: 'wrong-password' } },
    { name: 'web03', address: HOSTS.full, winrm: { behaviour: 'quota' } },
    { name: 'web04', address: HOSTS.mute, winrm: { behaviour: 'never-answers' } },
    { name: 'web05', address: HOSTS.rogue, winrm: { behaviour: 'bad-certificate' } },
  ]);
});

afterAll(async () => {
  await lab?.fake.close();
  rmSync(dir, { recursive: true, force: true });
});

function target(address: string, over: Partial<WinrmTarget> = {}): WinrmTarget {
  return {
    address,
    port: HTTPS_PORT,
    https: true,
    auth: 'ntlm',
    user: USER,
    password: lab.password,
    tls: { caFile: lab.lab.caFile },
    connectTimeoutMs: 5_000,
    ...over,
  };
}

interface Run {
  outcome: WinrsOutcome;
  stdout: string;
  stderr: string;
}

async function run(t: WinrmTarget, payload = 'ok', args: string[] = ['-NoProfile', '-NonInteractive', '-EncodedCommand', ENCODED_BOOTSTRAP], signal = new AbortController().signal, onStdout?: () => void): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const outcome = await runWinrsCommand(t, {
    command: 'powershell.exe',
    args,
    stdin: stdinFor(payload),
    signal,
    onStdout: (s) => {
      stdout += s;
      onStdout?.();
    },
    onStderr: (s) => (stderr += s),
  });
  return { outcome, stdout, stderr };
}

describe('the WinRS client against fake-winrm', () => {
  for (const [name, over] of [
    ['HTTP with NTLM and sealed bodies', { https: false, port: HTTP_PORT, tls: undefined }],
    ['HTTPS with NTLM and channel binding', {}],
    ['HTTPS with Basic', { auth: 'basic' }],
  ] as Array<[string, Partial<WinrmTarget>]>) {
    it(`runs the bootstrap over ${name}, streaming output and returning the exit code`, async () => {
      const { outcome, stdout, stderr } = await run(target(HOSTS.web, over));
      expect(outcome).toEqual({ ok: true, exitCode: 3 });
      expect(stdout.replace(/\r\n/g, '\n')).toBe('FS-1 check ok\ncafé ✓\nFS-1 report done\n');
      expect(stderr).toMatch(/warn: slow disk/);
      expect(lab.fake.shellCount('web01')).toBe(0);
    }, 60_000);
  }

  it('on abort mid-command deletes the shell and leaves no process behind', async () => {
    // A marker comment makes this command line unique, so its process can be looked for afterwards.
    const marker = randomBytes(6).toString('hex');
    const bootstrap = Buffer.from(`${Buffer.from(ENCODED_BOOTSTRAP, 'base64').toString('utf16le')} # ${marker}`, 'utf16le').toString('base64');
    const abort = new AbortController();
    const started = Date.now();
    let runningAtAbort: number[] = [];
    const { outcome, stdout } = await run(target(HOSTS.web), 'sleep', ['-NoProfile', '-NonInteractive', '-EncodedCommand', bootstrap], abort.signal, () => {
      runningAtAbort = pidsWith(bootstrap);
      abort.abort();
    });
    expect(runningAtAbort.length).toBeGreaterThan(0);
    expect(outcome).toEqual({ ok: false, stage: 'aborted', reason: 'stopped before the command finished; the shell was deleted' });
    expect(stdout).toMatch(/^FS-1 check sleep/);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(lab.fake.shellCount('web01')).toBe(0);
    expect(await processesWith(bootstrap, 5_000)).toEqual([]);
  }, 90_000);

  it('names a wrong password as an NTLM authentication failure', async () => {
    const { outcome } = await run(target(HOSTS.badPassword));
    expect(outcome).toEqual({ ok: false, stage: 'auth', reason: 'authentication failed (NTLM): the user name or password is incorrect, or the account may not log on over WinRM' });
  });

  it('gives the per-user shell quota fault, retryable, at the shell stage', async () => {
    const { outcome } = await run(target(HOSTS.full, { https: false, port: HTTP_PORT, tls: undefined }));
    expect(outcome).toMatchObject({ ok: false, stage: 'shell', wsmanCode: 2150859173, retryable: true, reason: expect.stringMatching(/^WSManFault 2150859173: .*maximum number of 30 concurrent shells/) });
  });

  it('says a listener that accepts and never answers did not answer within the connect timeout', async () => {
    const { outcome } = await run(target(HOSTS.mute, { https: false, port: HTTP_PORT, tls: undefined, connectTimeoutMs: 500 }));
    expect(outcome).toEqual({ ok: false, stage: 'connect', reason: `connected to ${HOSTS.mute}:${HTTP_PORT}, but nothing answered within 0.5 s (is it a WinRM listener?)` });
  });

  it('refuses a certificate from a CA the caller does not trust', async () => {
    const { outcome } = await run(target(HOSTS.rogue));
    expect(outcome).toMatchObject({ ok: false, stage: 'connect', reason: expect.stringMatching(/^TLS: the server certificate of 127\.63\.0\.5:5986 has this error: the SSL certificate is signed by an unknown certificate authority/) });
  });
});

/** PIDs whose command line holds `needle`. */
function pidsWith(needle: string): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(needle);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** PIDs whose command line holds `needle`, once none is left or `withinMs` has passed. */
async function processesWith(needle: string, withinMs: number): Promise<number[]> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const pids = pidsWith(needle);
    if (pids.length === 0 || Date.now() > deadline) return pids;
    await new Promise((r) => setTimeout(r, 100));
  }
}
