// Bench: what the controller's pwsh worker loop costs (src/runner/worker/server.ps1): while requests wait,
// and per request. Same loop, same run, with the runtime settings the worker gets and without the one
// that turns profile-guided re-compiling off (DOTNET_TieredPGO=0), alternated.
// Run after `npm run build`:  node bench/worker-loop.mjs [rounds=2]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PwshHost } from '../dist/runner/pwsh-host.js';
import { spread } from './bench-env.mjs';

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const PWSH = path.join(REPO, '.tools', 'bin', 'pwsh');
const rounds = Number(process.argv[2] ?? 2);
const cpuOf = (pid) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / 100; // utime + stime, in clock ticks of 10 ms
};
// What a scan request looks like to the loop: parameters in, a few output strings out.
const SCRIPT = 'param($HostName, $Payload) Write-Output ("x " + $HostName + " " + $Payload.Length)';

async function measure(pgo) {
  const host = new PwshHost({ pwsh: PWSH, env: { ...process.env, DOTNET_TieredPGO: pgo } });
  try {
    const pid = Number((await host.run('$PID')).output[0]);
    let t = cpuOf(pid);
    await new Promise((r) => setTimeout(r, 5_000));
    const idle = cpuOf(pid) - t;
    t = cpuOf(pid);
    await Promise.all(Array.from({ length: 16 }, () => host.run('Start-Sleep -Seconds 10')));
    const sleeping = cpuOf(pid) - t;
    // Two batches of 200 requests, 16 at a time; the second is the warm figure.
    let perRequest = 0;
    for (let batch = 0; batch < 2; batch++) {
      t = cpuOf(pid);
      let next = 0;
      await Promise.all(Array.from({ length: 16 }, async () => {
        while (next < 200) {
          next++;
          await host.run(SCRIPT, { params: { HostName: 'h', Payload: 'x'.repeat(1000) } });
        }
      }));
      perRequest = (cpuOf(pid) - t) / 200;
    }
    return { idle, sleeping, perRequest };
  } finally {
    await host.close();
  }
}

const results = { '0': [], '1': [] };
for (let r = 0; r < rounds; r++) for (const pgo of ['0', '1']) results[pgo].push(await measure(pgo));
const row = (pgo, label) => {
  const x = results[pgo];
  return `| ${label} | ${spread(x.map((m) => m.idle))} | ${spread(x.map((m) => m.sleeping))} | ${spread(x.map((m) => m.perRequest * 1000), 1)} |`;
};
console.log([
  `worker-loop: ${rounds} rounds each, alternated; median (min–max)`,
  '',
  '| worker runtime | idle 5 s, CPU-s | 16 requests sleeping 10 s, CPU-s | CPU-ms per request (warm, 16 at a time) |',
  '| --- | ---: | ---: | ---: |',
  row('0', 'as the worker runs (`DOTNET_TieredPGO=0`)'),
  row('1', 'with profile-guided re-compiling (.NET default)'),
].join('\n'));
