import cliProgress from 'cli-progress';
import type { HostResult } from '../record/run-record.js';
import { visibleText } from '../report/visible-text.js';

export interface Progress {
  hostDone(result: HostResult): void;
  stop(): void;
}

export type ProgressMode = 'bar' | 'lines' | 'quiet';

/** Nothing with --quiet; a live bar on a terminal; plain lines where no one watches (a scheduler's log). */
export function progressMode(quiet: boolean, stream: { isTTY?: boolean } = process.stderr): ProgressMode {
  if (quiet) return 'quiet';
  return stream.isTTY ? 'bar' : 'lines';
}

/**
 * On a terminal, a live bar (hosts done/total, failures so far, ETA); without one, one plain line per
 * finished host, which is what a log file of a scheduled run wants; with --quiet, nothing.
 */
export function createProgress(total: number, mode: ProgressMode, stream: NodeJS.WriteStream = process.stderr): Progress {
  let done = 0;
  let failing = 0;
  let unseen = 0;
  const count = (r: HostResult): void => {
    done++;
    if (r.checks.some((c) => c.status === 'fail')) failing++;
    if (r.status !== 'ok') unseen++;
  };
  if (mode === 'quiet') return { hostDone: count, stop: () => undefined };
  if (mode === 'lines') {
    const width = String(total).length;
    return {
      hostDone(r) {
        count(r);
        const failed = r.checks.filter((c) => c.status === 'fail').length;
        const warned = r.checks.filter((c) => c.status === 'warn').length;
        const what = r.status === 'ok' ? `${failed} failed, ${warned} warned` : visibleText(r.reason ?? r.status);
        const secs = r.durationMs !== undefined ? ` (${(r.durationMs / 1000).toFixed(1)} s)` : '';
        stream.write(`[${String(done).padStart(width)}/${total}] ${r.name} ${r.status}: ${what}${secs}\n`);
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'scanning [{bar}] {value}/{total} hosts | {failing} failing | {unseen} not scanned | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { failing: 0, unseen: 0 });
  return {
    hostDone(r) {
      count(r);
      bar.update(done, { failing, unseen });
    },
    stop: () => bar.stop(),
  };
}
