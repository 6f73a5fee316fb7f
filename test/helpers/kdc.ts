import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * A real MIT KDC (Debian's krb5-kdc) on 127.0.0.1 with its own realm, database and port, for tests of
 * Kerberos: `kdb5_util create -s`, principals and keytabs from `kadmin.local`, tickets from the real
 * `kinit`. Host names never reach DNS: the realm comes from `[domain_realm]`, and neither forward nor
 * reverse lookups canonicalize service names, so `HTTP/fs01.lab.test` is asked for as written.
 */

export const KDC_PROGRAMS = ['/usr/sbin/krb5kdc', '/usr/sbin/kdb5_util', '/usr/sbin/kadmin.local', '/usr/bin/kinit'];

export interface TestKdc {
  realm: string;
  dir: string;
  /** What a Kerberos client or service of this realm needs in its environment (the service keytab included). */
  env: { KRB5_CONFIG: string; KRB5_KDC_PROFILE: string; KRB5CCNAME: string; KRB5_KTNAME: string };
  /** Adds a user principal with this password; returns `name@REALM`. */
  addUser(name: string, password: string): string;
  /** Adds `HTTP/<host>` with a random key and exports it to the service keytab (`env.KRB5_KTNAME`). */
  addService(host: string): string;
  /** Exports a principal's keys, unchanged, to a keytab of its own (a client keytab), returning its path. */
  exportKeytab(principal: string, file: string): string;
  /** `kinit` into `cache` (default: `env.KRB5CCNAME`). */
  kinit(principal: string, password: string, cache?: string): void;
  stop(): Promise<void>;
}

/** True when the Debian packages the KDC needs are installed (scripts/setup.sh installs them). */
export function kdcAvailable(): boolean {
  return KDC_PROGRAMS.every((p) => existsSync(p));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen({ host: '127.0.0.1', port: 0 }, () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, kdc: ChildProcess, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    if (kdc.exitCode !== null) throw new Error(`krb5kdc exited with code ${kdc.exitCode}`);
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (up) return;
    if (Date.now() > deadline) throw new Error(`krb5kdc did not listen on 127.0.0.1:${port} within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Creates the realm's database under `dir` and starts its KDC; `domain` maps to the realm. */
export async function startKdc(dir: string, options: { realm?: string; domain?: string } = {}): Promise<TestKdc> {
  const realm = options.realm ?? 'LAB.TEST';
  const domain = options.domain ?? 'lab.test';
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const file = (name: string) => path.join(dir, name);
  writeFileSync(file('krb5.conf'), [
    '[libdefaults]',
    `  default_realm = ${realm}`,
    '  dns_lookup_kdc = false',
    '  dns_lookup_realm = false',
    '  dns_canonicalize_hostname = false',
    '  rdns = false',
    // TCP only: one port to find free, and no UDP retries to wait through when the KDC is gone.
    '  udp_preference_limit = 1',
    '[realms]',
    `  ${realm} = {`,
    `    kdc = 127.0.0.1:${port}`,
    '  }',
    '[domain_realm]',
    `  .${domain} = ${realm}`,
    `  ${domain} = ${realm}`,
    '',
  ].join('\n'));
  writeFileSync(file('kdc.conf'), [
    '[kdcdefaults]',
    `  kdc_listen = 127.0.0.1:${port}`,
    `  kdc_tcp_listen = 127.0.0.1:${port}`,
    '[realms]',
    `  ${realm} = {`,
    `    database_name = ${file('principal')}`,
    `    key_stash_file = ${file('stash')}`,
    `    acl_file = ${file('kadm5.acl')}`,
    '  }',
    '[logging]',
    `  kdc = FILE:${file('kdc.log')}`,
    '',
  ].join('\n'));
  const env = {
    KRB5_CONFIG: file('krb5.conf'),
    KRB5_KDC_PROFILE: file('kdc.conf'),
    KRB5CCNAME: `FILE:${file('ccache')}`,
    KRB5_KTNAME: `FILE:${file('service.keytab')}`,
  };
  const childEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env };
  const run = (program: string, args: string[], input?: string) =>
    execFileSync(program, args, { env: childEnv, input, stdio: ['pipe', 'pipe', 'pipe'], timeout: 30_000 });
  run('/usr/sbin/kdb5_util', ['create', '-s', '-r', realm, '-P', `master-${port}`]);
  const kadmin = (query: string) => run('/usr/sbin/kadmin.local', ['-r', realm, '-q', query]);
  const kdc = spawn('/usr/sbin/krb5kdc', ['-n', '-r', realm], { env: childEnv, stdio: 'ignore' });
  try {
    await waitForPort(port, kdc, 10_000);
  } catch (e) {
    kdc.kill('SIGKILL');
    throw e;
  }
  return {
    realm,
    dir,
    env,
    addUser(name, password) {
      kadmin(`addprinc -pw ${password} ${name}@${realm}`);
      return `${name}@${realm}`;
    },
    addService(host) {
      const principal = `HTTP/${host}@${realm}`;
      kadmin(`addprinc -randkey ${principal}`);
      kadmin(`ktadd -k ${env.KRB5_KTNAME.replace(/^FILE:/, '')} ${principal}`);
      return principal;
    },
    exportKeytab(principal, keytab) {
      kadmin(`ktadd -norandkey -k ${keytab} ${principal}`);
      return keytab;
    },
    kinit: (principal, password, cache = env.KRB5CCNAME) => void run('/usr/bin/kinit', ['-c', cache, principal], `${password}\n`),
    stop: () =>
      new Promise<void>((resolve) => {
        if (kdc.exitCode !== null || kdc.signalCode !== null) return resolve();
        kdc.once('exit', () => resolve());
        kdc.kill('SIGTERM');
      }),
  };
}

/** Points this process's Kerberos library at the KDC's files (it reads the environment on every call); returns the undo. */
export function useKdcEnvironment(kdc: TestKdc, over: Record<string, string> = {}): () => void {
  const names = ['KRB5_CONFIG', 'KRB5_KDC_PROFILE', 'KRB5CCNAME', 'KRB5_KTNAME', 'KRB5_CLIENT_KTNAME'];
  const saved = new Map(names.map((n) => [n, process.env[n]]));
  delete process.env.KRB5_CLIENT_KTNAME;
  Object.assign(process.env, kdc.env, over);
  return () => {
    for (const [n, v] of saved) {
      if (v === undefined) delete process.env[n];
      else process.env[n] = v;
    }
  };
}
