import { afterEach, describe, expect, it } from 'vitest';
import { listenForInterrupt, type Interrupt } from '../../../src/cli/scan/interrupt.js';

let held: Interrupt | undefined;
afterEach(() => held?.dispose());

function listen() {
  const said: string[] = [];
  const exits: number[] = [];
  held = listenForInterrupt({ say: (t) => said.push(t), exit: (code) => exits.push(code) });
  return { interrupt: held, said, exits };
}

describe('listenForInterrupt', () => {
  it('a first Ctrl-C aborts the scan and says the reports are still written', () => {
    const { interrupt, said, exits } = listen();
    expect(interrupt.signal.aborted).toBe(false);
    process.emit('SIGINT', 'SIGINT');
    expect(interrupt.signal.aborted).toBe(true);
    expect(said).toEqual(['\ninterrupted: ending the running hosts and writing the reports (Ctrl-C again to quit now)\n']);
    expect(exits).toEqual([]);
  });

  it('a scheduler stopping the scan (SIGTERM) is a Ctrl-C too, and a second signal quits at once with 130', () => {
    const { interrupt, exits } = listen();
    process.emit('SIGTERM', 'SIGTERM');
    expect(interrupt.signal.aborted).toBe(true);
    process.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([130]);
  });

  it('stops listening once disposed', () => {
    const count = () => [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    const [ints, terms] = count();
    const { interrupt } = listen();
    expect(count()).toEqual([ints! + 1, terms! + 1]);
    interrupt.dispose();
    expect(count()).toEqual([ints, terms]);
  });
});
