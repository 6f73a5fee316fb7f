import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { labDown, labUp, type LabUpResult } from '../../src/lab/lab-up.js';
import { PACKAGE_ROOT } from '../../src/checks/package-root.js';
import { buildBundle } from '../../src/checks/bundle.js';
import { loadPack } from '../../src/checks/catalog.js';
import { planHost } from '../../src/checks/plan.js';
import { newMarker, outputLines, readFrame } from '../../src/runner/frames.js';
import { ENCODED_BOOTSTRAP } from '../../src/runner/transports/ssh-exec.js';
import { runWinrsCommand } from '../../src/runner/winrm/winrs-client.js';
import { compileLab } from '../helpers/compile-lab.js';
import { sshExec } from '../helpers/lab-remoting.js';
import { alive, labProcessesLeft } from '../helpers/lab-processes.js';

const root = mkdtempSync(path.join(tmpdir(), 'fleet-scan-labup-'));
const statesDir = path.join(root, 'states');
mkdirSync(statesDir);
// Staged states with the least they must say (what the machine is, its OS) and how the lab lists them.
const os = { version: '10.0.20348', caption: 'Windows Server 2022', productType: 3, osArchitecture: '64-bit' };
writeFileSync(path.join(statesDir, '01-fs01-healthy-public.json'),
  JSON.stringify({ description: 'fs01, healthy', os, inventory: { cloud: 'public', tags: ['files'], vars: { vaultName: 'rsv-files' } } }));
writeFileSync(path.join(statesDir, '02-sql02-broken-china.json'), JSON.stringify({ description: 'sql02, broken', os, inventory: { cloud: 'china' } }));
writeFileSync(path.join(statesDir, 'staged-state.schema.json'), '{}');

afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Inventory {
  $schema: string;
  name: string;
  defaults: Record<string, unknown> & { keyFile: string; knownHostsFile: string; shell: string };
  hosts: Record<string, unknown>[];
}

describe('lab up with more hosts than states', () => {
  const dir = path.join(root, 'lab');
  let up: LabUpResult;
  let inventory: Inventory;

  beforeAll(async () => {
    up = await labUp({ dir, statesDir, hosts: 3, base: '127.0.41' });
    if (up.ok) inventory = JSON.parse(readFileSync(up.inventory, 'utf8')) as Inventory;
  });
  afterAll(async () => {
    await labDown({ dir });
  });

  test('starts one host per state, cycling the states with numbered names', () => {
    expect(up.ok).toBe(true);
    if (!up.ok) return;
    expect(up.hosts.map((h) => [h.name, h.address])).toEqual([['fs01', '127.0.41.2'], ['sql02', '127.0.41.3'], ['fs01-2', '127.0.41.4']]);
    expect(up.inventory).toBe(path.join(dir, 'inventory.json'));
  });

  test('writes an inventory that lists every host with the cloud, tags and vars of its state', () => {
    expect(inventory.hosts).toEqual([
      { name: 'fs01', address: '127.0.41.2', cloud: 'public', tags: ['files'], vars: { vaultName: 'rsv-files' } },
      { name: 'sql02', address: '127.0.41.3', cloud: 'china' },
      { name: 'fs01-2', address: '127.0.41.4', cloud: 'public', tags: ['files'], vars: { vaultName: 'rsv-files' } },
    ]);
  });

  test('the inventory defaults name the ssh transport, root, port 2222 and the lab key, known_hosts and shell', () => {
    expect(inventory.name).toBe('lab');
    expect(path.resolve(dir, inventory.$schema)).toBe(path.join(PACKAGE_ROOT, 'inventory.schema.json'));
    expect(inventory.defaults).toEqual({
      transport: 'ssh', user: 'root', port: 2222,
      keyFile: path.join(dir, 'client', 'id_ed25519'), knownHostsFile: path.join(dir, 'client', 'known_hosts'),
      shell: path.join(dir, 'bin', 'powershell'), connectTimeout: '10s', cloud: 'public', tags: ['lab'], lab: true,
    });
  });

  test('the inventory is enough to reach a host: plain ssh with its key runs its shell', async () => {
    const d = inventory.defaults;
    const run = await sshExec({ clientKey: d.keyFile, knownHosts: d.knownHostsFile }, '127.0.41.3',
      [d.shell, '-NoProfile', '-NonInteractive', '-Command', "'(Get-Content -Raw $env:FLEET_SCAN_STAGED_STATE | ConvertFrom-Json).description'"]);
    expect(run.stdout.trim()).toBe('sql02, broken');
  });

  test('the listeners are detached: each leads its own session, apart from this process', () => {
    if (!up.ok) throw new Error(up.message);
    const pids = (JSON.parse(readFileSync(path.join(dir, 'pids'), 'utf8')) as { listeners: { pid: number }[] }).listeners.map((l) => l.pid);
    expect(pids).toHaveLength(3);
    for (const pid of pids) {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const session = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[3]);
      expect(session).toBe(pid);
    }
  });

  test('a second lab up in the same dir is refused while the first runs', async () => {
    const again = await labUp({ dir, statesDir, hosts: 1, base: '127.0.42' });
    expect(again).toEqual({ ok: false, message: `a lab is already running in ${dir}; stop it first (fleet-scan lab down)` });
  });

  test('lab down stops every host and leaves no process of the lab', async () => {
    const pids = (JSON.parse(readFileSync(path.join(dir, 'pids'), 'utf8')) as { listeners: { pid: number }[] }).listeners.map((l) => l.pid);
    expect(await labDown({ dir })).toEqual({ ok: true, stopped: 3 });
    expect(pids.filter(alive)).toEqual([]);
    expect(await labProcessesLeft(dir)).toEqual([]);
  });
});

describe('lab up options', () => {
  test('transport ssh-exec writes an inventory for ssh-exec', async () => {
    const dir = path.join(root, 'exec');
    const up = await labUp({ dir, statesDir, hosts: 1, base: '127.0.43', transport: 'ssh-exec' });
    try {
      expect(up.ok).toBe(true);
      if (!up.ok) return;
      const inv = JSON.parse(readFileSync(up.inventory, 'utf8')) as Inventory;
      expect(inv.defaults.transport).toBe('ssh-exec');
      expect(inv.hosts.map((h) => h.name)).toEqual(['fs01']);
    } finally {
      await labDown({ dir });
    }
  });

  test('without state files and without a host count it says what to pass', async () => {
    const empty = path.join(root, 'no-states');
    mkdirSync(empty);
    expect(await labUp({ dir: path.join(root, 'none'), statesDir: empty })).toEqual({
      ok: false, message: `no state files in ${empty}; pass --states DIR or --hosts N`,
    });
  });

  test('a state file with a bad inventory object is refused with its file name', async () => {
    const badDir = path.join(root, 'bad-states');
    mkdirSync(badDir);
    writeFileSync(path.join(badDir, '01-web01.json'), JSON.stringify({ description: 'web01, tags mistyped', os, inventory: { cloud: 'public', tags: 'not-a-list' } }));
    const up = await labUp({ dir: path.join(root, 'bad'), statesDir: badDir });
    expect(up.ok).toBe(false);
    if (!up.ok) expect(up.message).toMatch(/^01-web01\.json: inventory\.tags: /);
  });
});

describe('lab up --transport winrm', () => {
  const dir = path.join(root, 'winrm');
  let up: LabUpResult;
  let inventory: Inventory;

  beforeAll(async () => {
    const entry = path.join(compileLab(path.join(root, 'build'), ['fake-winrm/main.ts']), 'fake-winrm', 'main.js');
    // fs01 over HTTPS (the default), sql02 over HTTP.
    up = await labUp({ dir, statesDir, hosts: 2, base: '127.0.45', transport: 'winrm', winrm: [undefined, { useSsl: false }], fakeWinrmEntry: entry });
    if (up.ok) inventory = JSON.parse(readFileSync(up.inventory, 'utf8')) as Inventory;
  }, 180_000);
  afterAll(async () => {
    await labDown({ dir });
  });

  test('lists each host as winrm with its listener, the lab account, the NAME of the password variable and, on HTTPS, the lab CA', () => {
    if (!up.ok) throw new Error(up.message);
    const common = { transport: 'winrm', auth: 'ntlm', user: 'labadmin', credentialEnv: 'FLEET_SCAN_LAB_PASSWORD' };
    expect(inventory.defaults).toEqual({ transport: 'winrm', connectTimeout: '10s', cloud: 'public', tags: ['lab'], lab: true });
    expect(inventory.hosts).toEqual([
      { name: 'fs01', address: '127.0.45.2', ...common, port: 5986, useSsl: true, caFile: path.join(dir, 'ca', 'lab-ca.pem'), cloud: 'public', tags: ['files'], vars: { vaultName: 'rsv-files' } },
      { name: 'sql02', address: '127.0.45.3', ...common, port: 5985, useSsl: false, cloud: 'china' },
    ]);
    expect(up.winrm).toEqual({ passwordFile: path.join(dir, 'client', 'winrm-password'), credentialEnv: 'FLEET_SCAN_LAB_PASSWORD', caFile: path.join(dir, 'ca', 'lab-ca.pem') });
  });

  test('the password lives in a 0600 file of the lab dir, never in the inventory', () => {
    if (!up.ok || !up.winrm) throw new Error('no winrm lab');
    const password = readFileSync(up.winrm.passwordFile, 'utf8').trim();
    expect(statSync(up.winrm.passwordFile).mode & 0o777).toBe(0o600);
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(readFileSync(up.inventory, 'utf8')).not.toContain(password);
  });

  test('the real MARS pack runs on a staged host through fake-winrm with what the inventory says', async () => {
    if (!up.ok || !up.winrm) throw new Error('no winrm lab');
    const password = readFileSync(up.winrm.passwordFile, 'utf8').trim();
    const results = [];
    for (const h of inventory.hosts as { address: string; port: number; useSsl: boolean; caFile?: string }[]) {
      const marker = newMarker();
      const payload = Buffer.from(JSON.stringify({
        host: 'lab', pack: 'mars', marker, cloud: 'public', vars: {}, controllerUtc: new Date().toISOString(), checkBudgetMs: 20_000,
        checks: planHost(loadPack('mars'), ['mars-os-supported'], { cloud: 'public', vars: {} }).run,
      })).toString('base64');
      let stdout = '';
      const outcome = await runWinrsCommand(
        { address: h.address, port: h.port, https: h.useSsl, auth: 'ntlm', user: 'labadmin', password, connectTimeoutMs: 10_000, ...(h.caFile ? { tls: { caFile: h.caFile } } : {}) },
        { command: 'powershell.exe', args: ['-NoProfile', '-NonInteractive', '-EncodedCommand', ENCODED_BOOTSTRAP], stdin: `${buildBundle('mars', { staged: true })}\n#FSPAYLOAD ${payload}\n`,
          signal: new AbortController().signal, onStdout: (s) => (stdout += s), onStderr: () => {} },
      );
      const report = outputLines([stdout]).map((l) => readFrame(l, marker)).find((f) => f.type === 'frame' && f.kind === 'report');
      results.push({ outcome, facts: report?.type === 'frame' ? (report.value as { facts?: { staged?: boolean } }).facts : undefined });
    }
    expect(results.map((r) => [r.outcome.ok, r.facts?.staged])).toEqual([[true, true], [true, true]]);
  }, 180_000);

  test('one detached fake-winrm serves every host, recorded in the pids file once per host', () => {
    const pids = (JSON.parse(readFileSync(path.join(dir, 'pids'), 'utf8')) as { listeners: { name: string; pid: number }[] }).listeners;
    expect(pids.map((l) => l.name)).toEqual(['fs01', 'sql02']);
    expect(new Set(pids.map((l) => l.pid)).size).toBe(1);
    const stat = readFileSync(`/proc/${pids[0]!.pid}/stat`, 'utf8');
    expect(Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[3])).toBe(pids[0]!.pid);
  });

  test('lab down stops fake-winrm and leaves no process of the lab', async () => {
    const pid = (JSON.parse(readFileSync(path.join(dir, 'pids'), 'utf8')) as { listeners: { pid: number }[] }).listeners[0]!.pid;
    expect(await labDown({ dir })).toEqual({ ok: true, stopped: 2 });
    expect(alive(pid)).toBe(false);
    expect(await labProcessesLeft(dir)).toEqual([]);
  });
});
