import type { PwshHost } from '../pwsh-host.js';
import { WorkerTransport } from './worker-transport.js';
import { workerScript } from './worker-scripts.js';

/** The controller itself, no remoting: the bundle runs in the worker. */
export function localTransport(worker: PwshHost): WorkerTransport {
  return new WorkerTransport(worker, { script: workerScript('scan-local.ps1'), params: () => ({}) });
}
