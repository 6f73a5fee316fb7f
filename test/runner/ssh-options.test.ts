// Host keys against a real sshd: an unknown key is refused with one line by default and trusted only with
// the explicit --accept-new-host-keys (StrictHostKeyChecking=accept-new); a changed key is refused either
// way. Both ssh transports take their options from src/runner/ssh-options.ts. The CLI case needs `npm run build`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedHost } from '../../src/inventory/schema.js';
import { startFleet, type Lab } from '../../src/lab/index.js';
import { ensureKeyPair, knownHostsLine, publicKeyOf } from '../../src/lab/keys.js';
import type { RunRecord } from '../../src/record/run-record.js';
import { sshOptionMap, sshOptions, type HostKeyPolicy } from '../../src/runner/ssh-options.js';
import { runCli } from '../cli/helpers/run-cli.js';
import { endLabTurn, takeLabTurn } from './helpers/lab-lock.js';
import { healthyInventoryVars, healthyStates, scanInventoryFile, writeInventory } from './helpers/scan-lab.js';

const host: ResolvedHost = {
  name: 'fs01', address: '10.0.0.1', transport: 'ssh-exec', port: 22, shell: 'powershell.exe', subsystem: 'powershell',
  useSsl: true, auth: 'ntlm', skipCertificateCheck: false, lab: false, cloud: 'public', tags: [], connectTimeoutMs: 4500, vars: {},
  knownHostsFile: '/etc/fleet/known_hosts',
};

describe('sshOptionMap', () => {
  it('checks host keys strictly unless the run accepts new ones, and never lets ssh prompt', () => {
    expect(sshOptionMap(host)).toMatchObject({ BatchMode: 'yes', StrictHostKeyChecking: 'yes' });
    expect(sshOptionMap(host, 'accept-new')).toMatchObject({ BatchMode: 'yes', StrictHostKeyChecking: 'accept-new' });
  });

  it('reads known hosts only from the inventory file when it names one, and rounds the connect timeout up', () => {
    expect(sshOptionMap(host)).toMatchObject({ UserKnownHostsFile: '/etc/fleet/known_hosts', GlobalKnownHostsFile: '/dev/null', ConnectTimeout: '5' });
    const { knownHostsFile: _, ...withoutFile } = host;
    expect(sshOptionMap(withoutFile)).not.toHaveProperty('UserKnownHostsFile');
  });

  it('gives ssh-exec the same options as -o arguments', () => {
    const args = sshOptions(host, 'accept-new');
    expect(args.filter((_, i) => i % 2 === 0).every((a) => a === '-o')).toBe(true);
    expect(args.filter((_, i) => i % 2 === 1)).toEqual(Object.entries(sshOptionMap(host, 'accept-new')).map(([k, v]) => `${k}=${v}`));
  });
});

describe.sequential('host keys over a real sshd, for ssh and ssh-exec', () => {
  let dir: string;
  let releaseLabTurn: (() => void) | undefined;
  let lab: Lab | undefined;
  let wrongKey: string;

  beforeAll(async () => {
    releaseLabTurn = await takeLabTurn();
    dir = mkdtempSync(path.join(tmpdir(), 'fs-hostkeys-'));
    lab = await startFleet({ dir: path.join(dir, 'lab'), base: '127.0.184', count: 1, states: healthyStates(path.join(dir, 'states'), 1) });
    await ensureKeyPair(path.join(dir, 'other'), 'not the host');
    wrongKey = publicKeyOf(path.join(dir, 'other'));
  }, 720_000);

  afterAll(() => endLabTurn(releaseLabTurn, dir, lab));

  /** An inventory of the lab host with its own known_hosts file holding `lines`. */
  function inventory(name: string, transport: 'ssh' | 'ssh-exec', lines: string[]): { file: string; knownHosts: string } {
    const knownHosts = path.join(dir, `${name}.known_hosts`);
    writeFileSync(knownHosts, lines.map((l) => `${l}\n`).join(''));
    const h = lab!.hosts[0]!;
    const file = writeInventory(path.join(dir, `${name}.json`), { clientKey: lab!.clientKey, knownHosts }, [
      { name: 'fs01', address: h.address, vars: healthyInventoryVars() },
    ], { transport, shell: lab!.powershell });
    return { file, knownHosts };
  }

  /** The key a known_hosts file holds for the lab host (ssh hashes the names it adds), or '' for none. */
  function keyFor(knownHosts: string): string {
    const name = `[${lab!.hosts[0]!.address}]:${lab!.port}`;
    try {
      const found = execFileSync('ssh-keygen', ['-F', name, '-f', knownHosts], { encoding: 'utf8' });
      return found.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(/\s+/).slice(1, 3).join(' '))[0] ?? '';
    } catch {
      return '';
    }
  }

  const scan = (file: string, hostKeys: HostKeyPolicy): Promise<RunRecord> =>
    scanInventoryFile(file, { hostKeys, checkIds: ['mars-clock-skew'], deadlineMs: 90_000 });

  for (const transport of ['ssh-exec', 'ssh'] as const) {
    it(`${transport}: refuses a host key known_hosts does not hold, in one line that names the opt-in`, async () => {
      const { file, knownHosts } = inventory(`unknown-${transport}`, transport, []);
      const record = await scan(file, 'strict');
      const result = record.hosts[0]!;
      expect(result.status).toBe('unreachable');
      expect(result.reason).toBe('unknown host key: not in known_hosts and strict checking is on (to trust it on first use: --accept-new-host-keys)');
      expect(readFileSync(knownHosts, 'utf8')).toBe('');
    }, 180_000);

    it(`${transport}: with accept-new, trusts an unknown host key on first use and writes it to known_hosts`, async () => {
      const { file, knownHosts } = inventory(`accept-${transport}`, transport, []);
      const record = await scan(file, 'accept-new');
      expect(record.hosts[0]!.status, record.hosts[0]!.reason).toBe('ok');
      expect(keyFor(knownHosts)).toBe(keyFor(lab!.knownHosts));
      expect(keyFor(knownHosts)).toMatch(/^ssh-ed25519 /);
    }, 180_000);

    for (const hostKeys of ['strict', 'accept-new'] as const) {
      it(`${transport}: refuses a host key that differs from known_hosts, even with ${hostKeys}`, async () => {
        const changed = knownHostsLine(lab!.hosts[0]!.address, lab!.port, wrongKey);
        const { file, knownHosts } = inventory(`changed-${transport}-${hostKeys}`, transport, [changed]);
        const record = await scan(file, hostKeys);
        const result = record.hosts[0]!;
        expect(result.status).toBe('unreachable');
        expect(result.reason).toBe('host key mismatch: the host key differs from known_hosts (Host key verification failed)');
        expect(readFileSync(knownHosts, 'utf8')).toBe(`${changed}\n`);
      }, 180_000);
    }
  }

  it('fleet-scan scan --accept-new-host-keys is the documented way to trust new hosts; without it the host is unreachable', async () => {
    const { file, knownHosts } = inventory('cli', 'ssh-exec', []);
    const args = ['scan', '-i', file, '--no-history', '--checks', 'mars-clock-skew', '--no-xlsx'];
    const refused = await runCli([...args, '-o', path.join(dir, 'cli-refused')]);
    expect(refused.code, refused.stderr).toBe(4);
    expect(refused.stdout).toContain('--accept-new-host-keys');
    const accepted = await runCli([...args, '-o', path.join(dir, 'cli-accepted'), '--accept-new-host-keys']);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(keyFor(knownHosts)).toBe(keyFor(lab!.knownHosts));
  }, 240_000);
});
