// The children of a run (the pwsh worker, ssh) never inherit the variables that hold WinRM passwords: the
// controller reads them once, and /proc/<pid>/environ of a child is readable by anyone who can `ps e` it.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ResolvedHost } from '../../src/inventory/schema.js';
import { childEnvironment, TransportSet } from '../../src/runner/transport-set.js';
import { runTransport } from './helpers/run-transport.js';

const CANARY = 'Canary-transport-set-9Qw2';
const dir = mkdtempSync(path.join(tmpdir(), 'fs-transport-set-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('childEnvironment', () => {
  it('drops exactly the named password variables and leaves the given environment as it was', () => {
    const env = { PATH: '/bin', FS_PW_A: 'a', FS_PW_B: 'b', HOME: '/root' };
    expect(childEnvironment(env, ['FS_PW_A', 'FS_PW_B'])).toEqual({ PATH: '/bin', HOME: '/root' });
    expect(env).toEqual({ PATH: '/bin', FS_PW_A: 'a', FS_PW_B: 'b', HOME: '/root' });
  });
});

describe('TransportSet', () => {
  const env: NodeJS.ProcessEnv = { ...process.env, FS_TS_PASSWORD: CANARY };
  const secrets = new Map([['FS_TS_PASSWORD', CANARY]]);

  it('starts the pwsh worker without the password variables in its environment', async () => {
    const set = new TransportSet(env, secrets);
    try {
      const worker = set.pwsh();
      const reply = await worker.run("'seen:' + [Environment]::GetEnvironmentVariable('FS_TS_PASSWORD')");
      expect(reply.output).toEqual(['seen:']);
      const environ = readFileSync(`/proc/${worker.pid}/environ`, 'utf8').split('\0');
      expect(environ.some((entry) => entry.startsWith('FS_TS_PASSWORD='))).toBe(false);
      expect(environ.join('\n')).not.toContain(CANARY);
    } finally {
      await set.close();
    }
  }, 120_000);

  it('starts ssh (ssh-exec) without the password variables in its environment', async () => {
    // An `ssh` first on PATH that records its own environment, where the set looks for the real one.
    const bin = path.join(dir, 'bin');
    const seen = path.join(dir, 'ssh-environ');
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, 'ssh'), `#!/bin/sh\ncat /proc/$$/environ > '${seen}'\nexit 255\n`);
    chmodSync(path.join(bin, 'ssh'), 0o755);
    const set = new TransportSet({ ...env, PATH: `${bin}${path.delimiter}${env.PATH ?? ''}` }, secrets);
    const host: ResolvedHost = {
      name: 'fs01', address: '127.0.0.1', transport: 'ssh-exec', port: 22, shell: 'powershell.exe', subsystem: 'powershell',
      useSsl: true, auth: 'ntlm', skipCertificateCheck: false, lab: false, cloud: 'public', tags: [], connectTimeoutMs: 5000, vars: {},
    };
    try {
      const run = await runTransport(set.get('ssh-exec'), host, { payload: 'e30=', marker: '\u001eFS-0000000000000000' });
      expect(run.termination.reason).toBe('connect-failed');
      const environ = readFileSync(seen, 'utf8').split('\0');
      expect(environ.some((entry) => entry.startsWith('PATH='))).toBe(true);
      expect(environ.some((entry) => entry.startsWith('FS_TS_PASSWORD='))).toBe(false);
      expect(environ.join('\n')).not.toContain(CANARY);
    } finally {
      await set.close();
    }
  }, 60_000);
});
