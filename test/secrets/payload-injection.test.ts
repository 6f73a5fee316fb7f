// Data reaches PowerShell only as base64 JSON, never pasted into source: PowerShell and shell
// metacharacters in every inventory value that travels (vars to the target over ssh, ssh-exec and winrm;
// the key file path to ssh and to New-PSSession) arrive as data. The real entry point on a lab host
// echoes a var back (mars-local-admin names the installAccount it could not resolve), the value comes
// back byte for byte, and nothing a metacharacter would have run, ran.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Lab } from '../../src/lab/index.js';
import type { RunRecord } from '../../src/record/run-record.js';
import { endLabTurn, takeLabTurn } from '../runner/helpers/lab-lock.js';
import { healthyInventoryVars, HEALTHY_STATE, scanInventoryFile, writeInventory } from '../runner/helpers/scan-lab.js';

const NAMES = ['ssh01', 'exec01', 'http01'];
const WINRM = [undefined, undefined, { useSsl: false }];
const proof = mkdtempSync(path.join(tmpdir(), 'fs-injected-'));

/** A value that runs something wherever it is pasted into PowerShell, sh or cmd source instead of passed as data. */
function hostile(tag: string): string {
  const file = path.join(proof, tag);
  return [
    `CORP\\x'; New-Item -ItemType File -Path '${file}-ps1' #`,
    `"; New-Item -ItemType File -Path "${file}-ps2"; "`,
    `$(New-Item -ItemType File -Path '${file}-ps3')`,
    `\`$(touch ${file}-sh1)\``,
    `; touch ${file}-sh2 ; & touch ${file}-sh3 | touch ${file}-sh4`,
    `'@\n$(New-Item -ItemType File -Path '${file}-ps4')\n'@`,
    '$env:PATH %PATH% ^& !x! <in >out ${7*7} \u00e9\u202e\u4e2d\u{1F600}',
  ].join(' ');
}

let dir: string;
let lab: Lab | undefined;
let release: (() => void) | undefined;
let record: RunRecord;
const vars: Record<string, Record<string, unknown>> = {};

beforeAll(async () => {
  release = await takeLabTurn();
  dir = mkdtempSync(path.join(tmpdir(), 'fs-injection-'));
  lab = await startFleet({ dir: path.join(dir, 'lab'), base: '127.0.183', count: NAMES.length, names: NAMES, states: [HEALTHY_STATE], winrm: WINRM });
  // The client key at a path full of metacharacters: ssh-exec passes it to ssh, the ssh transport to New-PSSession.
  const keys = path.join(dir, `keys $(touch ${proof}/key-ps) ; touch ${proof}/key-sh ; 'q' "d"`);
  mkdirSync(keys, { recursive: true });
  const keyFile = path.join(keys, "id `touch x` it's.key");
  copyFileSync(lab.clientKey, keyFile);
  const base = healthyInventoryVars();
  const hosts = lab.hosts.map((h, i) => {
    vars[h.name] = { ...base, installAccount: hostile(`${h.name}-account`), vaultName: hostile(`${h.name}-vault`), vaultCredentialsPath: hostile(`${h.name}-path`) };
    if (WINRM[i]) {
      return {
        name: h.name, address: h.address, vars: vars[h.name], transport: 'winrm', user: lab!.winrm!.user, credentialEnv: lab!.winrm!.credentialEnv,
        useSsl: false, port: h.port, connectTimeout: '5s',
      };
    }
    return { name: h.name, address: h.address, vars: vars[h.name], keyFile, ...(h.name === 'exec01' ? { transport: 'ssh-exec', shell: lab!.powershell } : {}) };
  });
  const inventory = writeInventory(path.join(dir, 'inventory.json'), lab, hosts as never);
  const password = readFileSync(lab.winrm!.passwordFile, 'utf8').trim();
  record = await scanInventoryFile(inventory, {
    checkIds: ['mars-local-admin', 'mars-fleet-duplicate-names'], deadlineMs: 120_000,
    secrets: new Map([[lab.winrm!.credentialEnv, password]]),
  });
}, 900_000);

afterAll(async () => {
  await endLabTurn(release, dir, lab);
  rmSync(proof, { recursive: true, force: true });
});

describe('metacharacters in every value that travels', () => {
  it('reach every host, whatever the transport, with the key file at a hostile path', () => {
    expect(record.hosts.map((h) => [h.name, h.status, h.reason])).toEqual(NAMES.map((n) => [n, 'ok', undefined]));
  });

  it('arrive byte for byte: the target\'s own check names the hostile installAccount exactly as the inventory wrote it', () => {
    for (const name of NAMES) {
      const check = record.hosts.find((h) => h.name === name)!.checks.find((c) => c.id === 'mars-local-admin')!;
      const said = [check.summary, ...check.evidence].join('\n');
      expect(said, name).toContain(`installAccount ${vars[name]!.installAccount as string}`);
    }
  });

  it('reach the fleet checks as data too (the vault names the controller\'s worker compares)', () => {
    for (const host of record.hosts) {
      expect(host.checks.find((c) => c.id === 'mars-fleet-duplicate-names')?.status, host.name).toBe('pass');
    }
  });

  it('ran nothing: no file any metacharacter would have made exists, on the controller or the lab hosts', () => {
    expect(readdirSync(proof)).toEqual([]);
  });
});
