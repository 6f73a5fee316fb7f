import type { ResolvedHost } from '../../inventory/schema.js';

/** One host's scan as a transport sees it: the bundle, the payload, and the reasons to stop. */
export interface ScanRequest {
  host: ResolvedHost;
  /** The check bundle (script text) and the key it is stored under in the worker. */
  bundle: { key: string; text: string };
  /** base64 JSON for the remote entry point. */
  payload: string;
  /** The host's whole wall-clock budget. */
  deadlineMs: number;
  /** Aborted when the run is interrupted. */
  signal: AbortSignal;
  onOutput?: (items: string[]) => void;
}

/** How a transport ended; why it stopped is a field, not a thrown error. */
export type TransportResult =
  | { ended: 'completed'; output: string[] }
  | { ended: 'connect-failed'; reason: string; output: string[] }
  | { ended: 'deadline'; output: string[] }
  | { ended: 'interrupted'; output: string[] }
  | { ended: 'crashed'; reason: string; output: string[]; retryable?: boolean };

export interface Transport {
  scan(request: ScanRequest): Promise<TransportResult>;
}

/** Time the outer (Node-side) deadline waits after the inner one before it kills a whole worker. */
export const OUTER_GRACE_MS = 10_000;
