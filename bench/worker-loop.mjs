// Bench: what the controller's pwsh worker loop costs while requests wait (src/runner/worker/server.ps1).
// Same worker, same run: 10 s idle (the baseline), then 10 s with 16 requests that only sleep.
// Run after `npm run build`:  node bench/worker-loop.mjs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PwshHost } from '../dist/runner/pwsh-host.js';

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const host = new PwshHost({ pwsh: path.join(REPO, '.tools', 'bin', 'pwsh') });
const pid = Number((await host.run('$PID')).output[0]);
const cpu = () => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / 100; // utime + stime, in clock ticks of 10 ms
};
try {
  let t = cpu();
  await new Promise((r) => setTimeout(r, 10_000));
  const idle = cpu() - t;
  const busy = [];
  for (let round = 0; round < 3; round++) {
    t = cpu();
    await Promise.all(Array.from({ length: 16 }, () => host.run('Start-Sleep -Seconds 10')));
    busy.push(cpu() - t);
  }
  console.log(`worker-loop: idle 10 s ${idle.toFixed(2)} CPU-s; 16 sleeping requests for 10 s, three rounds: ${busy.map((b) => b.toFixed(2)).join(', ')} CPU-s (each opens 16 runspaces)`);
} finally {
  await host.close();
}
