import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { chmodSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PowerShell } from 'node-powershell';
import { PACKAGE_ROOT } from '../checks/package-root.js';
import { newMarker, readFrame } from './frames.js';
import { resolvePwsh } from './pwsh-path.js';

/**
 * A pwsh worker that cannot hang or corrupt the orchestrator. node-powershell spawns and owns the process;
 * each of its defects is neutralised here:
 * - string-pasted commands: node-powershell is asked to run exactly one line, a base64 literal of our
 *   server loop (server.ps1); requests then go in as base64 JSON lines, parameters are splatted values;
 * - timeouts that don't cancel: the caller's stop stage calls `restart`, which kills pwsh's whole process
 *   group (pwsh and its ssh children); the next request starts a fresh process;
 * - a crash while idle as an unhandled rejection: every promise of the library has a handler, the crash is
 *   an `exit` event and pending requests fail with `worker-died`;
 * - quadratic output collection and unbounded history: the library's collectors are detached once the
 *   loop runs, replies are read line by line, a reply over the cap kills the worker, and the library's
 *   history holds the one bootstrap line;
 * - multi-line commands that hang: scripts travel inside the JSON, never through `-Command -`.
 */

/** `worker-died` and `output-cap` are termination reasons as the run record names them; `cancelled` is the caller's own abort. */
export type WorkerErrorKind = 'worker-died' | 'output-cap' | 'cancelled';

export class WorkerError extends Error {
  override name = 'WorkerError';
  constructor(
    readonly kind: WorkerErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface RunReply {
  ok: boolean;
  output: string[];
  errors: string[];
  ms: number;
}

export interface RunOptions {
  params?: Record<string, unknown>;
  /** Parameters filled from strings stored with `setBlob`, so a large bundle crosses the pipe once. */
  blobParams?: Record<string, string>;
  /** A request that decodes a large payload: the worker compacts its heap (large objects too) once it ends. */
  compactAfter?: boolean;
  /** Called with each batch of output strings as the script writes them. */
  onOutput?: (items: string[]) => void;
  signal?: AbortSignal;
  /**
   * This request's cap on output bytes, over the worker's own: for controller-side work whose answer grows
   * with the fleet (the fleet checks' report), never for what a target writes.
   */
  maxOutputBytes?: number;
}

export interface PwshHostOptions {
  pwsh?: string;
  env?: NodeJS.ProcessEnv;
  /** Largest reply line accepted; a bigger one means the worker is broken and it is killed. */
  maxReplyBytes?: number;
  /** Per-request cap on output strings, enforced by the server loop. */
  maxOutputBytes?: number;
  /** Bytes of stderr kept for diagnostics. */
  noiseLimit?: number;
}

interface Pending {
  id: string;
  /** A longer reply line this request may send, when it was given its own output cap (3 ×: JSON, then base64). */
  maxReplyBytes?: number;
  output: string[];
  onOutput?: (items: string[]) => void;
  resolve: (reply: RunReply) => void;
  reject: (error: WorkerError) => void;
}

const SERVER_SCRIPT = path.join(PACKAGE_ROOT, 'src', 'runner', 'worker', 'server.ps1');
const SESSION_SHIM = path.join(PACKAGE_ROOT, 'src', 'runner', 'worker', 'pwsh-session.sh');
const DEFAULT_MAX_OUTPUT = 4 * 1024 * 1024;

let bootstrapLine: string | undefined;
function bootstrap(): string {
  // Only a base64 literal is pasted: its alphabet cannot break out of the quotes.
  bootstrapLine ??= `& ([scriptblock]::Create([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('${readFileSync(SERVER_SCRIPT).toString('base64')}'))))`;
  return bootstrapLine;
}

function sessionShim(): string {
  // git may drop the execute bit on some checkouts; the shim must be executable to be spawned.
  if ((statSync(SESSION_SHIM).mode & 0o111) === 0) chmodSync(SESSION_SHIM, 0o755);
  return SESSION_SHIM;
}

interface Process {
  shell: PowerShell;
  pid: number;
  marker: string;
  ready: Promise<void>;
  blobs: Set<string>;
  detached: boolean;
  isReady: boolean;
  /** The last stderr of this process: why it died, when the runtime says so. */
  stderrTail: string;
}

export class PwshHost extends EventEmitter {
  private proc: Process | undefined;
  private readonly pending = new Map<string, Pending>();
  private noise = '';
  private readonly options: Required<Omit<PwshHostOptions, 'env'>> & { env: NodeJS.ProcessEnv };
  private readonly blobValues = new Map<string, string>();
  spawns = 0;

  constructor(options: PwshHostOptions = {}) {
    super();
    this.options = {
      pwsh: options.pwsh ?? resolvePwsh(),
      env: options.env ?? process.env,
      maxReplyBytes: options.maxReplyBytes ?? 3 * (options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT),
      maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT,
      noiseLimit: options.noiseLimit ?? 64 * 1024,
    };
  }

  /** The last bytes pwsh wrote outside the protocol (stderr, stray output). */
  get diagnostics(): string {
    return this.noise;
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  /** Keep a large string in the worker under `key`; requests refer to it through `blobParams`. */
  setBlob(key: string, value: string): void {
    this.blobValues.set(key, value);
    // Before the loop is ready, pwsh itself still reads stdin as commands; the ready handler sends it then.
    if (this.proc?.isReady) this.sendBlob(this.proc, key);
  }

  run(script: string, options: RunOptions = {}): Promise<RunReply> {
    const id = randomUUID();
    return new Promise<RunReply>((resolve, reject) => {
      if (options.signal?.aborted) {
        reject(new WorkerError('cancelled', 'cancelled before start'));
        return;
      }
      const proc = this.ensureStarted();
      const onAbort = (): void => {
        this.sendRequest(proc, { type: 'cancel', id });
        settle(undefined, new WorkerError('cancelled', 'cancelled'));
      };
      const settle = (reply?: RunReply, error?: WorkerError): void => {
        if (!this.pending.delete(id)) return;
        options.signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve(reply!);
      };
      this.pending.set(id, {
        id,
        ...(options.maxOutputBytes !== undefined && { maxReplyBytes: 3 * options.maxOutputBytes }),
        output: [],
        onOutput: options.onOutput,
        resolve: (reply) => settle(reply),
        reject: (error) => settle(undefined, error),
      });
      options.signal?.addEventListener('abort', onAbort, { once: true });
      proc.ready.then(
        () =>
          this.sendRequest(proc, {
            type: 'run',
            id,
            script,
            params: options.params ?? {},
            blobParams: options.blobParams ?? {},
            ...(options.compactAfter && { compact: true }),
            maxOutputBytes: options.maxOutputBytes ?? this.options.maxOutputBytes,
          }),
        () => undefined, // the exit handler has already failed this request
      );
    });
  }

  /** Kills the worker's process group (pwsh and every ssh it started); the requests it held fail with `why`. */
  restart(why: string): void {
    if (this.proc) this.kill(this.proc, new WorkerError('worker-died', why));
  }

  /** Kill the worker (and its ssh children); pending requests fail with `worker-died`. */
  async close(): Promise<void> {
    this.restart('worker closed');
  }

  private ensureStarted(): Process {
    if (this.proc) return this.proc;
    const marker = newMarker();
    const env: NodeJS.ProcessEnv = {
      ...this.options.env,
      TERM: 'dumb',
      NO_COLOR: '1',
      POWERSHELL_TELEMETRY_OPTOUT: '1',
      POWERSHELL_UPDATECHECK: 'Off',
      FLEET_SCAN_MARKER: marker,
      FLEET_SCAN_PWSH_EXE: this.options.pwsh,
      // The worker's heap otherwise settles a third higher while sessions come and go (bench/RESULTS.md).
      DOTNET_GCConserveMemory: this.options.env.DOTNET_GCConserveMemory ?? '9',
      // No tiered re-compiling: the engine is precompiled (ReadyToRun), and re-JITting its hot methods while
      // sessions come and go was a third of the worker's CPU on a 20-host ssh scan (bench/RESULTS.md).
      DOTNET_TieredCompilation: this.options.env.DOTNET_TieredCompilation ?? '0',
    };
    // NODE_POWERSHELL would override the executable we pass; hide it while the library reads it.
    const saved = process.env.NODE_POWERSHELL;
    delete process.env.NODE_POWERSHELL;
    let shell: PowerShell;
    try {
      shell = new PowerShell({
        executable: sessionShim(),
        executableOptions: { '-NoProfile': true, '-NonInteractive': true },
        spawnOptions: { env },
      });
    } finally {
      if (saved !== undefined) process.env.NODE_POWERSHELL = saved;
    }
    // The child is private in the library's types; we need it for its pid and exit events.
    const child = (shell as unknown as { process: ChildProcess }).process;
    let readyResolve!: () => void;
    let readyReject!: (e: Error) => void;
    const ready = new Promise<void>((resolve, reject) => {
      readyResolve = resolve;
      readyReject = reject;
    });
    ready.catch(() => undefined);
    const proc: Process = { shell, pid: child.pid ?? -1, marker, ready, blobs: new Set(), detached: false, isReady: false, stderrTail: '' };
    this.proc = proc;
    this.spawns++;

    // The library's own exit promise rejects on a crash; observe it so it can never go unhandled.
    (shell as unknown as { exitPromise?: Promise<unknown> }).exitPromise?.catch(() => undefined);
    shell.invoke(bootstrap()).catch(() => undefined);

    const stdout = shell.streams.stdout;
    const stderr = shell.streams.stderr;
    let partial: string[] = [];
    let partialBytes = 0;
    const overCap = (bytes: number): boolean => {
      if (bytes <= this.options.maxReplyBytes) return false;
      // A request that was given a larger cap may send longer lines.
      if (bytes <= Math.max(0, ...[...this.pending.values()].map((p) => p.maxReplyBytes ?? 0))) return false;
      partial = [];
      partialBytes = 0;
      this.kill(proc, new WorkerError('output-cap', `a reply exceeded ${this.options.maxReplyBytes} bytes; worker killed`));
      return true;
    };
    stdout.on('data', (chunk: string) => {
      let start = 0;
      let nl: number;
      while ((nl = chunk.indexOf('\n', start)) !== -1) {
        // A line can arrive whole in one chunk, so the cap is checked on complete lines too.
        if (overCap(partialBytes + nl - start)) return;
        partial.push(chunk.slice(start, nl));
        const line = partial.join('');
        partial = [];
        partialBytes = 0;
        this.onLine(proc, line, readyResolve);
        start = nl + 1;
      }
      if (start < chunk.length) {
        partial.push(chunk.slice(start));
        partialBytes += chunk.length - start;
        overCap(partialBytes);
      }
    });
    stderr.on('data', (chunk: string) => {
      this.log(chunk);
      proc.stderrTail = (proc.stderrTail + chunk).slice(-4096);
    });
    child.stdin?.on('error', () => undefined); // EPIPE after death is reported through 'exit'
    /** Stops routing requests to this process; the requests it held, or undefined if it was already replaced. */
    const detach = (): Pending[] | undefined => {
      if (this.proc !== proc) return undefined;
      this.proc = undefined;
      return [...this.pending.values()];
    };
    const gone = (why: string, held: Pending[] | undefined): void => {
      readyReject(new WorkerError('worker-died', why));
      if (!held) return;
      for (const p of held) p.reject(new WorkerError('worker-died', `pwsh ${proc.pid} ${why}`));
      this.emit('exit', why);
    };
    child.on('error', (e) => gone(`could not start: ${e.message}`, detach()));
    child.on('exit', (code, signal) => {
      const why = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const held = detach();
      if (!held) return gone(why, held);
      // A runtime crash writes its reason to stderr just before the abort: let it drain, then name it.
      // New requests go to a fresh worker meanwhile.
      let done = false;
      const finish = (): void => {
        if (done) return;
        done = true;
        const detail = crashDetail(proc.stderrTail);
        gone(detail ? `${why}: ${detail}` : why, held);
      };
      stderr.once('end', finish);
      setTimeout(finish, 200);
    });
    return proc;
  }

  private onLine(proc: Process, line: string, ready: () => void): void {
    const read = readFrame(line, proc.marker);
    if (read.type === 'text') {
      this.log(`${line}\n`);
      return;
    }
    if (!proc.detached) detachLibraryCollectors(proc);
    if (read.type === 'bad-frame') {
      this.log(`unparsable reply: ${line.slice(0, 200)}\n`);
      return;
    }
    const msg = { ...(read.value as { id?: string; items?: string[]; ok?: boolean; errors?: string[]; ms?: number }), type: read.kind };
    if (msg.type === 'ready') {
      proc.isReady = true;
      for (const key of this.blobValues.keys()) this.sendBlob(proc, key);
      ready();
      return;
    }
    const pending = msg.id ? this.pending.get(msg.id) : undefined;
    if (!pending) return;
    const items = asStrings(msg.items);
    if (msg.type === 'output') {
      pending.output.push(...items);
      pending.onOutput?.(items);
    } else if (msg.type === 'result') {
      pending.resolve({ ok: msg.ok === true, output: pending.output, errors: asStrings(msg.errors), ms: msg.ms ?? 0 });
    }
  }

  private sendBlob(proc: Process, key: string): void {
    if (proc.blobs.has(key)) return;
    proc.blobs.add(key);
    this.sendRequest(proc, { type: 'set', key, value: this.blobValues.get(key) });
  }

  private sendRequest(proc: Process, request: object): void {
    if (this.proc !== proc) return;
    proc.shell.streams.stdin.write(`${Buffer.from(JSON.stringify(request), 'utf8').toString('base64')}\n`);
  }

  private kill(proc: Process, error: WorkerError): void {
    if (this.proc === proc) {
      this.proc = undefined; // detach first: the next request starts a fresh worker
      this.failPending(error);
      this.emit('exit', error.message);
    }
    try {
      process.kill(-proc.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  private failPending(error: WorkerError): void {
    for (const p of [...this.pending.values()]) p.reject(error);
  }

  private log(text: string): void {
    this.noise = (this.noise + text).slice(-this.options.noiseLimit);
  }
}

/** Once our loop talks, the library's collectors (quadratic, unbounded) must stop listening. */
function detachLibraryCollectors(proc: Process): void {
  proc.detached = true;
  for (const stream of [proc.shell.streams.stdout, proc.shell.streams.stderr]) {
    stream.unpipe();
    stream.resume(); // unpipe() pauses a stream left without pipes; our own listeners still read it
  }
}

function asStrings(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v));
  return value === undefined || value === null ? [] : [String(value)];
}

/** The runtime's own words for a crash ("Unhandled exception. System.X: message"), on one line. */
export function crashDetail(stderr: string): string | undefined {
  const lines = stderr.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const at = lines.findLastIndex((l) => /^(Unhandled exception\.|Fatal error\.|Process terminated\.)/.test(l));
  if (at === -1) return undefined;
  let text = lines[at] ?? '';
  const next = lines[at + 1];
  // "Unhandled exception." may stand alone, with the exception on the next line.
  if (/^(Unhandled exception|Fatal error|Process terminated)\.$/.test(text) && next) text += ` ${next}`;
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}
