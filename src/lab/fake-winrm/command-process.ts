import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { notRecognized, type Program } from './command-line.js';
import type { StreamChunk } from './responses.js';

/** STATUS_CONTROL_C_EXIT, the exit code Windows gives a console process ended by Ctrl-C. */
export const CTRL_C_EXIT = 3221225786;

export interface LaunchSpec {
  program: Program;
  env: Record<string, string>;
  cwd: string;
}

/**
 * One WinRS command: a child in its own process group (so a kill reaches everything it started), its
 * output queued in the order written until a Receive takes it, and its exit code once stdio has closed.
 */
export class CommandProcess {
  readonly pid: number | undefined;
  exitCode: number | undefined;
  /** Set once a Receive has reported Done: the command is then gone for Receive, as on Windows. */
  doneReported = false;
  private readonly queue: StreamChunk[] = [];
  private readonly wakers = new Set<() => void>();
  private child: ChildProcessByStdio<Writable, Readable, Readable> | undefined;
  private closed: Promise<void>;
  private ctrlC = false;

  constructor(readonly id: string, spec: LaunchSpec) {
    if (!spec.program.ok) {
      this.queue.push({ name: 'stderr', data: Buffer.from(notRecognized(spec.program.name)) });
      this.exitCode = 1;
      this.closed = Promise.resolve();
      return;
    }
    const child = spawn(spec.program.file, spec.program.args, {
      cwd: spec.cwd, env: spec.env, detached: true, stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    this.pid = child.pid;
    child.stdin.on('error', () => {}); // the command may exit before its input ends
    child.stdout.on('data', (d: Buffer) => this.push('stdout', d));
    child.stderr.on('data', (d: Buffer) => this.push('stderr', d));
    this.closed = new Promise((resolve) => {
      child.on('error', (e) => {
        this.push('stderr', Buffer.from(`${e.message}\r\n`));
        this.finish(1);
        resolve();
      });
      child.on('close', (code, signal) => {
        this.finish(this.ctrlC ? CTRL_C_EXIT : code ?? (signal ? 1 : 0));
        resolve();
      });
    });
  }

  private push(name: string, data: Buffer): void {
    this.queue.push({ name, data });
    this.wake();
  }

  private finish(code: number): void {
    this.exitCode ??= code;
    this.child = undefined;
    this.wake();
  }

  private wake(): void {
    for (const w of [...this.wakers]) w();
  }

  /** True while the process runs or output is still queued. */
  get pending(): boolean {
    return this.queue.length > 0 || this.exitCode === undefined;
  }

  get hasOutput(): boolean {
    return this.queue.length > 0;
  }

  /** Takes queued output, at most `maxBytes` of it (a chunk is split if it must be). */
  take(maxBytes: number): StreamChunk[] {
    const out: StreamChunk[] = [];
    let room = maxBytes;
    while (this.queue.length > 0 && room > 0) {
      const head = this.queue[0]!;
      if (head.data.length <= room) {
        out.push(this.queue.shift()!);
        room -= head.data.length;
      } else {
        out.push({ name: head.name, data: head.data.subarray(0, room) });
        head.data = head.data.subarray(room);
        room = 0;
      }
    }
    return out;
  }

  /** Resolves on new output, on exit, after `ms`, or when `signal` aborts, whichever is first. */
  waitForChange(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  write(data: Buffer): void {
    if (data.length > 0) this.child?.stdin.write(data);
  }

  endInput(): void {
    this.child?.stdin.end();
  }

  /** SIGKILLs the process group; resolves once the child is reaped. `ctrlC` makes the exit code Ctrl-C's. */
  kill(ctrlC = false): Promise<void> {
    if (this.child) this.ctrlC ||= ctrlC;
    this.killNow();
    return this.closed;
  }

  /** The same kill, synchronous, for exit handlers: nothing waits for the reap. */
  killNow(): void {
    if (!this.child || this.pid === undefined) return;
    try {
      process.kill(-this.pid, 'SIGKILL');
    } catch {
      // the group is gone already
    }
  }
}
