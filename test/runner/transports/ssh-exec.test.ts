// The ssh-exec transport against a real sshd, with fake remote shells (test/fixtures/hosts) standing in
// for a target's powershell.exe.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedHost } from '../../../src/inventory/schema.js';
import { startFleet, type Lab } from '../../../src/lab/index.js';
import { bootstrapInput, ENCODED_BOOTSTRAP, sshExecTransport } from '../../../src/runner/transports/ssh-exec.js';
import { eventually } from '../../helpers/lab-processes.js';
import { endLabTurn, takeLabTurn } from '../helpers/lab-lock.js';
import { runTransport } from '../helpers/run-transport.js';
import { fakeShell } from '../helpers/scan-lab.js';

const MARKER = '\u001eFS-5e5e5e5e5e5e5e5e';
const PAYLOAD = Buffer.from(JSON.stringify({
  host: 'h1', marker: MARKER, checks: [{ id: 'mars-a', facts: false, report: true }, { id: 'mars-b', facts: false, report: true }],
})).toString('base64');

function sshProcessesFor(address: string): string[] {
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p)).flatMap((pid) => {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return /(^|\/)ssh$/.test(cmd[0] ?? '') && cmd.includes(address) ? [cmd.join(' ')] : [];
    } catch {
      return [];
    }
  });
}

describe('the ssh-exec bootstrap', () => {
  it('reads the bundle and payload from stdin, so the command line carries no data', () => {
    const text = Buffer.from(ENCODED_BOOTSTRAP, 'base64').toString('utf16le');
    expect(text).toContain('[Console]::In.ReadToEnd()');
    expect(text).toContain("LastIndexOf('#FSPAYLOAD ')");
    expect(text).toContain('Invoke-FleetScanPack -PayloadBase64');
    // Windows PowerShell 5.1 parses it: none of the pwsh-7-only operators.
    expect(text).not.toMatch(/\?\?|\?\.|&&|\|\|/);
  });

  it('sends the bundle, then the payload after its marker line, with one copy of the bundle for every host', () => {
    const bundle = { key: 'bundle:mars:t', text: '# bündle\nfunction Invoke-FleetScanPack {}' };
    const [first, tail] = bootstrapInput(bundle, PAYLOAD);
    expect(Buffer.concat([first, tail]).toString('utf8')).toBe(`${bundle.text}\n#FSPAYLOAD ${PAYLOAD}\n`);
    const [again, otherTail] = bootstrapInput(bundle, 'e30=');
    expect(again).toBe(first);
    expect(otherTail.toString('utf8')).toBe('\n#FSPAYLOAD e30=\n');
    // A bundle with the same text but another identity is encoded for itself, not mixed up with the first.
    expect(bootstrapInput({ ...bundle }, PAYLOAD)[0]).not.toBe(first);
  });
});

describe.sequential('sshExecTransport over a real sshd', () => {
  let dir: string;
  let releaseLabTurn: (() => void) | undefined;
  let lab: Lab | undefined;
  let host: (shell: string) => ResolvedHost;

  beforeAll(async () => {
    releaseLabTurn = await takeLabTurn();
    dir = mkdtempSync(path.join(tmpdir(), 'fs-h8-exec-'));
    lab = await startFleet({ dir: path.join(dir, 'lab'), base: '127.0.105', count: 1 });
    host = (shell) => ({
      name: 'h1', address: lab!.hosts[0]!.address, transport: 'ssh-exec', user: 'root', port: lab!.port, keyFile: lab!.clientKey,
      knownHostsFile: lab!.knownHosts, shell, subsystem: 'powershell', useSsl: false, auth: 'ntlm', skipCertificateCheck: false, lab: false, cloud: 'public', tags: [], connectTimeoutMs: 5000, vars: {},
    });
  }, 720_000);

  afterAll(() => endLabTurn(releaseLabTurn, dir, lab));

  const scan = (h: ResolvedHost, o: { signal?: AbortSignal; cap?: number; onOutput?: (items: string[]) => void } = {}) =>
    runTransport(sshExecTransport(o.cap ? { maxOutputBytes: o.cap } : {}), h, { payload: PAYLOAD, marker: MARKER, ...o });

  it('completes with the framed lines a well-behaved target writes', async () => {
    const result = await scan(host(fakeShell('fake-powershell-honest.sh')));
    expect(result.termination).toEqual({ reason: 'completed' });
    expect(result.output.filter((o) => o.startsWith(`${MARKER} report `))).toHaveLength(1);
  });

  it('ends as interrupted on abort, keeps what was written, and leaves no ssh of the host running', async () => {
    const controller = new AbortController();
    const h = host(fakeShell('fake-powershell-hangs.sh'));
    const seen: string[] = [];
    const pending = scan(h, { signal: controller.signal, onOutput: (items) => seen.push(...items) });
    expect(await eventually(() => seen.some((o) => o.startsWith(`${MARKER} check `)), 20_000)).toBe(true);
    controller.abort();
    const result = await pending;
    expect(result.termination).toEqual({ reason: 'interrupted' });
    expect(result.output.some((o) => o.startsWith(`${MARKER} check `))).toBe(true);
    expect(sshProcessesFor(h.address)).toEqual([]);
  });

  it('stops a target that writes more than the cap and names the cap', async () => {
    const result = await scan(host(fakeShell('fake-powershell-floods.sh')), { cap: 64 * 1024 });
    expect(result.termination).toEqual({ reason: 'output-cap', detail: 'output exceeded the cap of 65536 bytes' });
  });

  it("says connect-failed with ssh's own reason when nothing listens", async () => {
    const result = await scan({ ...host('powershell.exe'), port: 2 });
    expect(result.termination).toEqual({ reason: 'connect-failed', detail: 'connection refused (nothing listening on the port)' });
  });

  it('says why a host that sends its SSH banner and then nothing is unreachable, in ssh\'s words', async () => {
    const stall = net.createServer((socket) => socket.write('SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n'));
    await new Promise<void>((resolve) => stall.listen(0, '127.0.0.1', resolve));
    try {
      const port = (stall.address() as net.AddressInfo).port;
      const result = await scan({ ...host('powershell.exe'), address: '127.0.0.1', port });
      expect(result.termination).toEqual({ reason: 'connect-failed', detail: 'connect timed out: the host answered, then stopped before the SSH handshake finished' });
    } finally {
      stall.close();
    }
  }, 60_000);

  it('reports a shell that is missing on the target as a crash with its exit code, not as unreachable', async () => {
    const result = await scan(host('/nonexistent/powershell.exe'));
    expect(result.termination.reason).toBe('remote-crash');
    expect(result.termination.detail).toMatch(/^remote PowerShell exited with code 127: .*No such file/);
  });
});
