import { EXIT_CODES } from '../../policy/exit-code.js';

/** The scan's stop button, held while the run lasts. */
export interface Interrupt {
  readonly signal: AbortSignal;
  /** Stops listening; a later Ctrl-C is the default one again. */
  dispose(): void;
}

export interface InterruptDeps {
  say?: (text: string) => void;
  exit?: (code: number) => void;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/**
 * Ctrl-C (or a scheduler's SIGTERM) aborts the signal: the running hosts end and the reports are still
 * written. A second one quits at once with exit 130.
 */
export function listenForInterrupt(deps: InterruptDeps = {}): Interrupt {
  const say = deps.say ?? ((text) => process.stderr.write(text));
  const exit = deps.exit ?? ((code) => process.exit(code));
  const controller = new AbortController();
  const onSignal = (): void => {
    if (controller.signal.aborted) {
      exit(EXIT_CODES.interrupted.code);
      return;
    }
    say('\ninterrupted: ending the running hosts and writing the reports (Ctrl-C again to quit now)\n');
    controller.abort();
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const signal of SIGNALS) process.off(signal, onSignal);
    },
  };
}
