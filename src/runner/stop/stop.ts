import type { Termination, TerminationReason } from '../../record/termination.js';

/** Reasons to stop; `completed` is what `settle()` records when nothing else won. */
export type StopReason = Exclude<TerminationReason, 'completed'>;

export interface StopOptions {
  /** The whole budget; when it runs out the reason is `deadline`. */
  deadlineMs?: number;
  /** The run's interrupt (Ctrl-C, SIGTERM); already aborted means `interrupted` at once. */
  signal?: AbortSignal;
  /** How long the soft stop may take before the forceful one runs (a frozen peer may ignore the first). */
  forceAfterMs?: number;
  /** Words for the deadline's detail, e.g. `no result within 120 s`. */
  deadlineDetail?: string;
}

/**
 * How one piece of work (a host's scan, the fleet checks) ends, decided in one place: the deadline, an
 * interrupt, a connect failure, a dead worker, the output cap or a crash each race the work; the first
 * reason wins, is recorded once, and runs the kills that go with it. Shaped like execa's terminate/.
 */
export class Stop {
  private ended: Termination | undefined;
  private settled = false;
  private readonly controller = new AbortController();
  private readonly kills: Array<(termination: Termination) => void> = [];
  private readonly forces: Array<() => void> = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly detach: () => void;
  private readonly forceAfterMs: number | undefined;

  constructor(options: StopOptions = {}) {
    this.forceAfterMs = options.forceAfterMs;
    const { signal } = options;
    const onAbort = (): void => void this.end('interrupted');
    signal?.addEventListener('abort', onAbort, { once: true });
    this.detach = () => signal?.removeEventListener('abort', onAbort);
    if (options.deadlineMs !== undefined) {
      const detail = options.deadlineDetail;
      this.timers.push(setTimeout(() => this.end('deadline', detail), options.deadlineMs));
    }
    if (signal?.aborted) onAbort();
  }

  /** Aborted the moment a reason wins: hand it to whatever can be cancelled (a request, a socket). */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The winning reason, once there is one. */
  get termination(): Termination | undefined {
    return this.ended;
  }

  /** Claims the end for `reason`; false (and nothing happens) when another reason already won. */
  end(reason: StopReason, detail?: string): boolean {
    if (this.ended || this.settled) return false;
    this.ended = { reason, ...(detail ? { detail } : {}) };
    this.controller.abort(this.ended);
    for (const kill of this.kills.splice(0)) safely(() => kill(this.ended!));
    if (this.forceAfterMs !== undefined && this.forces.length) {
      this.timers.push(setTimeout(() => this.force(), this.forceAfterMs));
    }
    return true;
  }

  /** Runs `kill` when a reason wins (at once if one already has). */
  onStop(kill: (termination: Termination) => void): void {
    if (this.settled) return;
    if (this.ended) safely(() => kill(this.ended!));
    else this.kills.push(kill);
  }

  /** Runs `kill` when the work has not settled `forceAfterMs` after a reason won. */
  onForce(kill: () => void): void {
    if (!this.settled) this.forces.push(kill);
  }

  /** The work is over: timers and listeners go, and with no other reason the termination is `completed`. */
  settle(): Termination {
    if (!this.settled) {
      this.settled = true;
      this.ended ??= { reason: 'completed' };
      for (const t of this.timers) clearTimeout(t);
      this.detach();
      this.kills.length = 0;
      this.forces.length = 0;
    }
    return this.ended!;
  }

  private force(): void {
    if (this.settled) return;
    for (const kill of this.forces.splice(0)) safely(kill);
  }
}

// A kill that throws (the process is gone already) must not keep the others from running.
function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    // nothing left to stop
  }
}
