import { newMarker, outputLines, readFrame } from '../frames.js';
import { PwshHost, WorkerError } from '../pwsh-host.js';
import { reasonLine } from '../../record/one-line.js';
import { FORCE_AFTER_MS, type ScanRequest, type Transport } from './transport.js';
import { SESSION_CODE_KEY, workerScript } from './worker-scripts.js';

/** What differs between the transports that run inside the controller's pwsh worker. */
export interface WorkerMode {
  script: string;
  params(request: ScanRequest): Record<string, unknown>;
  blobParams?(request: ScanRequest): Record<string, string>;
  /** Called before the scan starts (e.g. clear a host's old ssh files). */
  prepare?(request: ScanRequest): void;
  /** Stops this host only (kill its ssh); return false if there is nothing to kill. */
  cancel?(request: ScanRequest): boolean;
  /** Why the connection failed, in the transport's own words if it has any. */
  connectReason?(request: ScanRequest, message: string): string;
}

interface StageFrame {
  stage?: string;
  message?: string;
}

/**
 * Runs one host's scan as a request in the shared pwsh worker. On a stop, the mode's cancel (kill the
 * host's ssh) or a cancel of the request; if the request has still not settled FORCE_AFTER_MS later,
 * the worker's process group is killed and the next request gets a fresh worker.
 */
export class WorkerTransport implements Transport {
  constructor(
    private readonly worker: PwshHost,
    private readonly mode: WorkerMode,
  ) {
    worker.setBlob(SESSION_CODE_KEY, workerScript('Invoke-FsPackInSession.ps1'));
  }

  async scan(request: ScanRequest): Promise<void> {
    const { worker, mode } = this;
    const { stop } = request;
    worker.setBlob(request.bundle.key, request.bundle.text);
    mode.prepare?.(request);
    const cancel = new AbortController();
    stop.onStop(() => {
      if (!mode.cancel?.(request)) cancel.abort();
    });
    stop.onForce(() => worker.restart(`a host's request ignored its stop for ${FORCE_AFTER_MS / 1000} s`));
    // Stage frames come from our own controller-side script, under a marker the target never sees.
    const stageMarker = newMarker();
    const stages: StageFrame[] = [];
    try {
      const reply = await worker.run(mode.script, {
        params: { ...mode.params(request), Payload: request.payload(new Date()), StageMarker: stageMarker },
        blobParams: { Bundle: request.bundle.key, SessionCode: SESSION_CODE_KEY, ...mode.blobParams?.(request) },
        signal: cancel.signal,
        onOutput: (items) => {
          const rest: string[] = [];
          for (const line of outputLines(items)) {
            const read = readFrame(line, stageMarker);
            if (read.type === 'frame' && read.kind === 'stage') stages.push(read.value as StageFrame);
            else rest.push(line);
          }
          if (rest.length) request.onOutput(rest);
        },
      });
      const failed = stages.find((s) => s.stage === 'connect-failed' || s.stage === 'invoke-failed');
      const message = failed ? (mode.connectReason?.(request, String(failed.message ?? '')) ?? reasonLine(String(failed.message ?? ''))) : '';
      if (failed?.stage === 'connect-failed') stop.end('connect-failed', message);
      else if (failed) stop.end('remote-crash', `the session broke: ${message}`);
      // The server loop stopped a request that wrote past the cap, and says so first: that is the cap, not a crash.
      else if (!reply.ok && reply.errors[0]?.startsWith('output exceeded the cap')) stop.end('output-cap', reasonLine(reply.errors[0]));
      else if (!reply.ok && reply.errors.length) stop.end('remote-crash', reasonLine(reply.errors.join('; ')));
    } catch (error) {
      if (error instanceof WorkerError && error.kind === 'output-cap') stop.end('output-cap', error.message);
      else if (!(error instanceof WorkerError && error.kind === 'cancelled')) {
        // A worker killed for another host's sake, or crashed: not this host's fault.
        stop.end('worker-died', reasonLine(`controller worker failed: ${error instanceof Error ? error.message : String(error)}`));
      }
    }
  }
}
