import { PwshHost, WorkerError } from '../pwsh-host.js';
import { oneLine } from '../ssh-reason.js';
import { OUTER_GRACE_MS, type ScanRequest, type Transport, type TransportResult } from './transport.js';
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

/**
 * Runs one host's scan as a request in the shared pwsh worker. Inner deadline: the mode's cancel (kill
 * the host's ssh). Outer deadline: if the request still has no reply OUTER_GRACE_MS later, the worker's
 * process group is killed and the next request gets a fresh worker.
 */
export class WorkerTransport implements Transport {
  constructor(
    private readonly worker: PwshHost,
    private readonly mode: WorkerMode,
  ) {
    worker.setBlob(SESSION_CODE_KEY, workerScript('Invoke-FsPackInSession.ps1'));
  }

  async scan(request: ScanRequest): Promise<TransportResult> {
    const { worker, mode } = this;
    worker.setBlob(request.bundle.key, request.bundle.text);
    mode.prepare?.(request);
    let stopped: 'deadline' | 'interrupted' | undefined;
    const output: string[] = [];
    const stopRequest = new AbortController();
    const stop = (why: 'deadline' | 'interrupted'): void => {
      if (stopped) return;
      stopped = why;
      if (!mode.cancel?.(request)) stopRequest.abort();
    };
    const timer = setTimeout(() => stop('deadline'), request.deadlineMs);
    const onInterrupt = (): void => stop('interrupted');
    request.signal.addEventListener('abort', onInterrupt, { once: true });
    if (request.signal.aborted) onInterrupt();
    try {
      const reply = await worker.run(mode.script, {
        params: { ...mode.params(request), Payload: request.payload },
        blobParams: { Bundle: request.bundle.key, SessionCode: SESSION_CODE_KEY, ...mode.blobParams?.(request) },
        timeoutMs: request.deadlineMs + OUTER_GRACE_MS,
        signal: stopRequest.signal,
        onOutput: (items) => {
          output.push(...items);
          request.onOutput?.(items);
        },
      });
      if (stopped) return { ended: stopped, output };
      const stages = output.filter((o) => o.startsWith('FSSTAGE '));
      const connectFailed = stages.find((s) => s.startsWith('FSSTAGE connect-failed'));
      if (connectFailed) {
        const message = connectFailed.slice('FSSTAGE connect-failed '.length);
        return { ended: 'connect-failed', reason: mode.connectReason?.(request, message) ?? oneLine(message), output };
      }
      const invokeFailed = stages.find((s) => s.startsWith('FSSTAGE invoke-failed'));
      if (invokeFailed) {
        const message = invokeFailed.slice('FSSTAGE invoke-failed '.length);
        return { ended: 'crashed', reason: `the session broke: ${mode.connectReason?.(request, message) ?? oneLine(message)}`, output };
      }
      if (!reply.ok && reply.errors.length) return { ended: 'crashed', reason: oneLine(reply.errors.join('; ')), output };
      return { ended: 'completed', output };
    } catch (error) {
      if (stopped) return { ended: stopped, output };
      if (error instanceof WorkerError && error.kind === 'timeout') return { ended: 'deadline', output };
      const message = error instanceof Error ? error.message : String(error);
      // A worker killed for another host's sake: this host may be retried if it had not started reporting.
      return { ended: 'crashed', reason: oneLine(`controller worker failed: ${message}`), output, retryable: true };
    } finally {
      clearTimeout(timer);
      request.signal.removeEventListener('abort', onInterrupt);
    }
  }
}
