#!/usr/bin/env bash
# npm run bench: setup and build, then every benchmark; each writes its section of bench/RESULTS.md.
#   1. bench/lab-start.mjs   20-host lab start time
#   2. bench/fleet-bench.mjs fleet-scan vs the transport floors and hand-rolled pwsh, 10/50/100 hosts
#      (under bench/subreaper.py, so the remote pwsh of closed remoting sessions is still counted)
#   3. bench/pack-cost.mjs   what the MARS pack costs one target beyond a pwsh start, phase by phase
#   4. bench/worker-loop.mjs what the controller's worker loop costs while 16 requests wait
#   5. bench/report-10k.ts   the report stage on 10,000 synthetic hosts
# Extra arguments go to fleet-bench, e.g.  npm run bench -- --sizes 10,50 --reps 1
# The machine should be quiet: the benchmark starts up to 100 remote pwsh on the same cores.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npx tsc -p tsconfig.json
mkdir -p bench/out

load=$(cut -d' ' -f1 /proc/loadavg)
echo "bench: load average $load on $(nproc) cores (other work skews every figure)" >&2

echo "bench: lab start" >&2
node bench/lab-start.mjs 20 3 | tee bench/out/lab-start.txt

echo "bench: fleet scan against floors and baselines (about 30-40 min on a quiet 2-core box)" >&2
python3 bench/subreaper.py node bench/fleet-bench.mjs "$@" > bench/out/fleet-bench.md

echo "bench: MARS pack cost on one target" >&2
node bench/pack-cost.mjs 7 > bench/out/pack-cost.md

echo "bench: controller worker loop" >&2
node bench/worker-loop.mjs | tee bench/out/worker-loop.txt

echo "bench: report stage, 10,000 hosts" >&2
npx tsc --strict --module nodenext --moduleResolution nodenext --target es2022 --lib es2023 --types node --skipLibCheck \
  --esModuleInterop --rootDir . --outDir bench/out/build bench/report-10k.ts
node bench/out/build/bench/report-10k.js > /dev/null

echo "bench: done; see bench/RESULTS.md (raw runs: bench/out/fleet-bench.json)" >&2
