// The ssh-exec transport against a real sshd, with fake remote shells (test/fixtures/hosts) standing in
// for a target's powershell.exe.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedHost } from '../../../src/inventory/schema.js';
import { startFleet, type Lab } from '../../../src/lab/index.js';
import { ENCODED_BOOTSTRAP, sshExecTransport } from '../../../src/runner/transports/ssh-exec.js';
import type { ScanRequest } from '../../../src/runner/transports/transport.js';
import { eventually } from '../../helpers/lab-processes.js';
import { endLabTurn, takeLabTurn } from '../helpers/lab-lock.js';
import { fakeShell } from '../helpers/scan-lab.js';

const MARKER = '\u001eFS-5e5e5e5e5e5e5e5e';
const PAYLOAD = Buffer.from(JSON.stringify({ host: 'h1', checks: ['mars-a', 'mars-b'], marker: MARKER })).toString('base64');

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
      knownHostsFile: lab!.knownHosts, shell, subsystem: 'powershell', useSsl: false, cloud: 'public', tags: [], connectTimeoutMs: 5000, vars: {},
    });
  }, 720_000);

  afterAll(() => endLabTurn(releaseLabTurn, dir, lab));

  const request = (h: ResolvedHost, signal = new AbortController().signal, deadlineMs = 30_000): ScanRequest => ({
    host: h, bundle: { key: 'bundle:test', text: '# the bundle' }, payload: PAYLOAD, deadlineMs, signal,
  });

  it('completes with the framed lines a well-behaved target writes', async () => {
    const result = await sshExecTransport().scan(request(host(fakeShell('fake-powershell-honest.sh'))));
    expect(result.ended).toBe('completed');
    expect(result.output.filter((o) => o.startsWith(`${MARKER} report `))).toHaveLength(1);
  });

  it('ends as interrupted on abort, keeps what was written, and leaves no ssh of the host running', async () => {
    const controller = new AbortController();
    const h = host(fakeShell('fake-powershell-hangs.sh'));
    const seen: string[] = [];
    const pending = sshExecTransport().scan({ ...request(h, controller.signal), onOutput: (items) => seen.push(...items) });
    expect(await eventually(() => seen.some((o) => o.startsWith(`${MARKER} check `)), 20_000)).toBe(true);
    controller.abort();
    const result = await pending;
    expect(result.ended).toBe('interrupted');
    expect(result.output.some((o) => o.startsWith(`${MARKER} check `))).toBe(true);
    expect(sshProcessesFor(h.address)).toEqual([]);
  });

  it('stops a target that writes more than the cap and names the cap', async () => {
    const result = await sshExecTransport({ maxOutputBytes: 64 * 1024 }).scan(request(host(fakeShell('fake-powershell-floods.sh'))));
    expect(result).toMatchObject({ ended: 'crashed', reason: 'output exceeded the cap of 65536 bytes' });
  });

  it("says connect-failed with ssh's own reason when nothing listens", async () => {
    const result = await sshExecTransport().scan(request({ ...host('powershell.exe'), port: 2 }));
    expect(result).toMatchObject({ ended: 'connect-failed', reason: 'connection refused (nothing listening on the port)' });
  });

  it('reports a shell that is missing on the target as a crash with its exit code, not as unreachable', async () => {
    const result = await sshExecTransport().scan(request(host('/nonexistent/powershell.exe')));
    expect(result.ended).toBe('crashed');
    expect(result.ended === 'crashed' && result.reason).toMatch(/^remote PowerShell exited with code 127: .*No such file/);
  });
});
