import { fleetAddress } from '../../src/lab/fleet.js';
import { listenAndHold, type HoldOpenListener } from '../../src/lab/hold-open-listener.js';
import { LabError } from '../../src/lab/lab-error.js';
import { startLab, type Lab, type LabHostSpec } from '../../src/lab/start-lab.js';

/** Hosts that fail to connect, each in one way, named for how. */
export const FAILURE_KINDS = ['down', 'never-answers', 'banner-then-stall', 'no-subsystem', 'wrong-key', 'wrong-host-key'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

/** What ssh prints (on stderr) for each kind; the two silent ones are only ended by a connect timeout. */
export const SSH_SAYS: Record<FailureKind, string | undefined> = {
  down: 'Connection refused',
  'never-answers': undefined,
  'banner-then-stall': undefined,
  'no-subsystem': 'subsystem request failed',
  'wrong-key': 'Permission denied (publickey)',
  'wrong-host-key': 'Host key verification failed',
};

export interface FailureFixture {
  kind: FailureKind;
  /** The host name, the same as the kind. */
  name: FailureKind;
  address: string;
  port: number;
}

export interface FailureFixtures {
  fixtures: FailureFixture[];
  get(kind: FailureKind): FailureFixture;
  clientKey: string;
  knownHosts: string;
  stop(): Promise<void>;
}

export interface FailureFixtureOptions {
  dir: string;
  /** First three octets; fixture i gets `<base>.(i+2)` in the order of `kinds`. */
  base: string;
  port?: number;
  kinds?: readonly FailureKind[];
  /** Share a good lab's client key and known_hosts, to mix these hosts into its fleet. */
  client?: { clientKey: string; knownHosts: string };
  /** The silent listeners close themselves after this long. */
  lifetimeMs?: number;
}

const SSHD_KINDS: Partial<Record<FailureKind, Partial<LabHostSpec>>> = {
  'no-subsystem': { subsystem: 'none' },
  'wrong-key': { authorizeClient: false },
  'wrong-host-key': { trustHostKey: false },
};

/** Starts the failure fixtures: sshd hosts for the auth/subsystem cases, Node listeners for the silent ones. */
export async function startFailureFixtures(options: FailureFixtureOptions): Promise<FailureFixtures> {
  const port = options.port ?? 2222;
  const kinds = options.kinds ?? FAILURE_KINDS;
  const lifetimeMs = options.lifetimeMs ?? 120_000;
  const fixtures = kinds.map((kind, i) => ({ kind, name: kind, address: fleetAddress(options.base, i), port }));
  const specs = fixtures.flatMap((f) => {
    const extra = SSHD_KINDS[f.kind];
    return extra ? [{ name: f.name, address: f.address, ...extra }] : [];
  });
  const lab: Lab = await startLab({ dir: options.dir, port, hosts: specs, ...(options.client ? { client: options.client } : {}) });
  const listeners: HoldOpenListener[] = [];
  const stop = async () => {
    await Promise.all(listeners.map((l) => l.close()));
    await lab.stop();
  };
  try {
    for (const f of fixtures) {
      // `down` needs nothing: no process listens on its address.
      if (f.kind === 'never-answers') listeners.push(await listenAndHold(f.address, port, lifetimeMs));
      if (f.kind === 'banner-then-stall') {
        listeners.push(await listenAndHold(f.address, port, lifetimeMs, 'SSH-2.0-OpenSSH_9.2p1 fleet-scan-stall\r\n'));
      }
    }
  } catch (err) {
    await stop();
    throw new LabError(`failure fixture listener: ${(err as Error).message}`);
  }
  const get = (kind: FailureKind) => {
    const f = fixtures.find((x) => x.kind === kind);
    if (!f) throw new LabError(`no ${kind} fixture was started`);
    return f;
  };
  return { fixtures, get, clientKey: lab.clientKey, knownHosts: lab.knownHosts, stop };
}
