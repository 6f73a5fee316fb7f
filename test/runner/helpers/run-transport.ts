// Drives one transport scan the way scanHost does (a Stop, output collected, `reached` from the frames),
// so transport tests see the termination and the output without the rest of the runner.
import type { Termination } from '../../../src/record/termination.js';
import type { ResolvedHost } from '../../../src/inventory/schema.js';
import { outputLines } from '../../../src/runner/frames.js';
import { Stop } from '../../../src/runner/stop/stop.js';
import type { Bundle, Transport } from '../../../src/runner/transports/transport.js';

export interface TransportRun {
  termination: Termination;
  output: string[];
}

export interface TransportRunOptions {
  bundle?: Bundle;
  payload: string;
  marker: string;
  signal?: AbortSignal;
  deadlineMs?: number;
  forceAfterMs?: number;
  onOutput?: (items: string[]) => void;
}

export async function runTransport(transport: Transport, host: ResolvedHost, o: TransportRunOptions): Promise<TransportRun> {
  const stop = new Stop({ deadlineMs: o.deadlineMs ?? 30_000, signal: o.signal, forceAfterMs: o.forceAfterMs ?? 10_000 });
  const output: string[] = [];
  await transport.scan({
    host,
    bundle: o.bundle ?? { key: 'bundle:test', text: '# the bundle' },
    payload: () => o.payload,
    stop,
    reached: () => output.some((line) => line.startsWith(`${o.marker} `)),
    onOutput: (items) => {
      output.push(...outputLines(items));
      o.onOutput?.(items);
    },
  });
  return { termination: stop.settle(), output };
}
