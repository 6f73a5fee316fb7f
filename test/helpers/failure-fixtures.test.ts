import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFleet, type Lab } from '../../src/lab/fleet.js';
import { FAILURE_KINDS, SSH_SAYS, startFailureFixtures, type FailureFixtures, type FailureKind } from './failure-fixtures.js';
import { sshOptionsPs } from './lab-remoting.js';
import { labProcessesLeft } from './lab-processes.js';
import { runPwshScript } from './pwsh.js';
import { sshLogWrapper } from './ssh-log.js';

const root = mkdtempSync(path.join(tmpdir(), 'fleet-scan-fixtures-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Connects to each host in turn from one pwsh; returns what came back, and per host what ssh and pwsh said. */
async function tryEach(client: { clientKey: string; knownHosts: string }, hosts: { name: string; address: string; connectMs: number }[]) {
  const log = sshLogWrapper(path.join(root, 'client-side'));
  const calls = hosts.map((h) => `
try {
  Invoke-Command -HostName '${h.address}' -Port 2222 -UserName root -KeyFilePath '${client.clientKey}' -Options ${sshOptionsPs(client)} -ConnectingTimeout ${h.connectMs} -ScriptBlock { 'connected' } -ErrorAction Stop | ForEach-Object { 'RESULT ${h.name}: ' + $_ }
} catch { 'PSERROR ${h.name}: ' + $_.Exception.Message }`).join('\n');
  const run = await runPwshScript(calls, { timeoutMs: 120_000, env: log.env });
  const lines = run.stdout.split('\n');
  const said = new Map(hosts.map((h) => [h.name, [
    log.said(h.address),
    ...lines.filter((l) => l.startsWith(`PSERROR ${h.name}: `)),
  ].join('\n')]));
  return { results: lines.filter((l) => l.startsWith('RESULT ')).map((l) => l.trim()), said };
}

describe('failure fixtures mixed into a good fleet', () => {
  let good: Lab;
  let bad: FailureFixtures;
  let result: Awaited<ReturnType<typeof tryEach>>;

  beforeAll(async () => {
    good = await startFleet({ dir: path.join(root, 'good'), base: '127.0.31', count: 1, names: ['good'] });
    bad = await startFailureFixtures({ dir: path.join(root, 'bad'), base: '127.0.32', client: good, lifetimeMs: 60_000 });
    result = await tryEach(good, [
      { name: 'good', address: good.hosts[0]!.address, connectMs: 10_000 },
      // The silent two are bounded only by -ConnectingTimeout; 3 s keeps the test short.
      ...bad.fixtures.map((f) => ({ name: f.kind, address: f.address, connectMs: f.kind.includes('answers') || f.kind.includes('stall') ? 3000 : 10_000 })),
    ]);
  });
  afterAll(async () => {
    await bad?.stop();
    await good?.stop();
  });

  test('every failure kind is started, each on its own address of the base', () => {
    expect(bad.fixtures.map((f) => [f.kind, f.address])).toEqual(FAILURE_KINDS.map((k, i) => [k, `127.0.32.${i + 2}`]));
  });

  test('the good host sharing the client key answers, and no fixture host does', () => {
    expect(result.results).toEqual(['RESULT good: connected']);
  });

  const says: [FailureKind, string][] = [
    ['down', 'Connection refused'],
    ['no-subsystem', 'subsystem request failed'],
    ['wrong-key', 'Permission denied (publickey)'],
    ['wrong-host-key', 'Host key verification failed'],
  ];
  test.each(says)('ssh says why a %s host fails: "%s"', (kind, text) => {
    expect(SSH_SAYS[kind]).toBe(text);
    expect(result.said.get(kind)).toContain(text);
    expect(result.said.get(kind)).toContain('PSERROR');
  });

  test.each(['never-answers', 'banner-then-stall'] as const)('a %s host is given up by -ConnectingTimeout, not waited on forever', (kind) => {
    expect(result.said.get(kind)).toMatch(/PSERROR .*time ?out/i);
  });

  test('the banner-then-stall host sends an SSH banner and then nothing', async () => {
    const f = bad.get('banner-then-stall');
    const first = await new Promise<string>((resolve, reject) => {
      const s = net.connect({ host: f.address, port: f.port });
      s.once('data', (d) => { s.destroy(); resolve(d.toString('latin1')); });
      s.once('error', reject);
    });
    expect(first).toMatch(/^SSH-2\.0-\S+ \S+\r\n$/);
  });

  test('the wrong-host-key entry in known_hosts differs from the key the host presents', () => {
    const f = bad.get('wrong-host-key');
    const known = readFileSync(good.knownHosts, 'utf8').split('\n').find((l) => l.startsWith(`[${f.address}]:2222 `));
    const presented = readFileSync(path.join(root, 'bad', 'hosts', 'wrong-host-key', 'hostkey.pub'), 'utf8').split(' ')[1];
    expect(known).toBeDefined();
    expect(known).not.toContain(presented);
  });
});

describe('stopping failure fixtures', () => {
  test('stop() closes the silent listeners and leaves no sshd of the fixtures', async () => {
    const dir = path.join(root, 'stop');
    const bad = await startFailureFixtures({ dir, base: '127.0.33', kinds: ['never-answers', 'no-subsystem'] });
    await bad.stop();
    const refused = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: bad.get('never-answers').address, port: 2222 });
      s.once('connect', () => { s.destroy(); resolve(false); });
      s.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
    expect(await labProcessesLeft(dir)).toEqual([]);
  });
});
