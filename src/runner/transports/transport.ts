import type { ResolvedHost } from '../../inventory/schema.js';
import type { Stop } from '../stop/stop.js';

/** A check bundle: the script text a target runs, and the key it is kept under in the pwsh worker. */
export interface Bundle {
  key: string;
  text: string;
}

/** One host's scan as a transport sees it. */
export interface ScanRequest {
  host: ResolvedHost;
  bundle: Bundle;
  /**
   * base64 JSON for the remote entry point, stamped with the controller's clock at `sentAt`: call it the
   * moment the payload goes to the target, so the clock check measures as little transfer time as it can.
   */
  payload(sentAt: Date): string;
  /**
   * How this scan ends. The transport registers its kills on it and reports a connect failure, a crash
   * or the output cap through `stop.end(...)`; it keeps no timer of its own.
   */
  stop: Stop;
  /** Every output string as it arrives. */
  onOutput(items: string[]): void;
  /** True once the target wrote a frame of this scan: it was reached and ran the entry point. */
  reached(): boolean;
}

/** A way to reach hosts. `scan` settles when the work is over; how it ended is on `request.stop`. */
export interface Transport {
  scan(request: ScanRequest): Promise<void>;
}

/** How long a soft stop (kill the host's ssh, cancel its request) may take before the forceful one. */
export const FORCE_AFTER_MS = 10_000;
