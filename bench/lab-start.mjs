// Bench: how long a 20-host lab takes to start (keys, configs, sshd -t, listen) and to stop.
// Requirement: 20 hosts up in under 15 s on a 2-core machine. Run after `npm run build`:
//   node bench/lab-start.mjs [hosts=20] [rounds=3]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFleet } from '../dist/lab/fleet.js';

const hosts = Number(process.argv[2] ?? 20);
const rounds = Number(process.argv[3] ?? 3);
const LIMIT_MS = 15_000;
const root = mkdtempSync(path.join(tmpdir(), 'fleet-scan-bench-'));
let worst = 0;
try {
  for (let round = 1; round <= rounds; round++) {
    // A fresh dir each round: key generation is part of the cost.
    const t0 = performance.now();
    const lab = await startFleet({ dir: path.join(root, `r${round}`), base: '127.0.250', count: hosts });
    const up = performance.now() - t0;
    const t1 = performance.now();
    await lab.stop();
    const down = performance.now() - t1;
    worst = Math.max(worst, up);
    console.log(`round ${round}: ${hosts} hosts up in ${up.toFixed(0)} ms, stopped in ${down.toFixed(0)} ms`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
const verdict = worst < LIMIT_MS ? 'ok' : 'TOO SLOW';
console.log(`lab-start: worst ${worst.toFixed(0)} ms for ${hosts} hosts (limit ${LIMIT_MS} ms): ${verdict}`);
process.exitCode = worst < LIMIT_MS ? 0 : 1;
