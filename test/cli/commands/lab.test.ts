// `fleet-scan lab up --transport winrm` and `lab down` through the built CLI. Needs `npm run build`.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { labProcessesLeft } from '../../helpers/lab-processes.js';
import { runCli } from '../helpers/run-cli.js';

const root = mkdtempSync(path.join(tmpdir(), 'fs-cli-lab-'));
const states = path.join(root, 'states');
mkdirSync(states);
const os = { version: '10.0.20348', caption: 'Windows Server 2022', productType: 3, osArchitecture: '64-bit' };
writeFileSync(path.join(states, '01-win01-healthy.json'), JSON.stringify({ description: 'win01, healthy', os, inventory: { cloud: 'public' } }));
const dir = path.join(root, 'lab');

afterAll(async () => {
  await runCli(['lab', 'down', '--dir', dir]);
  rmSync(root, { recursive: true, force: true });
});

describe('fleet-scan lab up --transport winrm', () => {
  test('starts fake-winrm hosts, writes a winrm inventory and says how to export the password without printing it', async () => {
    const run = await runCli(['lab', 'up', '--transport', 'winrm', '--states', states, '--dir', dir, '--base', '127.0.47']);
    expect(run.code, run.stderr).toBe(0);
    const passwordFile = path.join(dir, 'client', 'winrm-password');
    expect(run.stdout).toContain(`password: export FLEET_SCAN_LAB_PASSWORD="$(cat ${passwordFile})"\n`);
    expect(run.stdout).not.toContain(readFileSync(passwordFile, 'utf8').trim());
    const inventory = JSON.parse(readFileSync(path.join(dir, 'inventory.json'), 'utf8')) as { hosts: Record<string, unknown>[] };
    expect(inventory.hosts[0]).toMatchObject({ name: 'win01', address: '127.0.47.2', transport: 'winrm', port: 5986, useSsl: true, credentialEnv: 'FLEET_SCAN_LAB_PASSWORD' });
  }, 120_000);

  test('lab down stops it and leaves no process of the lab', async () => {
    const run = await runCli(['lab', 'down', '--dir', dir]);
    expect([run.code, run.stdout]).toEqual([0, 'lab down: stopped 1 hosts\n']);
    expect(await labProcessesLeft(dir)).toEqual([]);
  });

  test('a transport the lab does not have is a usage error naming the choices', async () => {
    const run = await runCli(['lab', 'up', '--transport', 'telnet', '--dir', path.join(root, 'none')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Choices: "ssh", "ssh-exec", "winrm"/);
  });
});
