#!/usr/bin/env bash
# npm run bench: setup and build, then every benchmark; each writes its own block of bench/RESULTS.md.
#   npm run bench                          every part, in the order below
#   npm run bench -- --only PART [ARGS]    one part; ARGS go to its script (e.g. --only fleet --sizes 10 --reps 1)
# Parts:
#   fleet       bench/lab-start.mjs (20-host lab start) and bench/fleet-bench.mjs: fleet-scan against the
#               transport floors and the hand-rolled pwsh scripts on real lab hosts (real pwsh, MARS pack)
#   controller  bench/controller-bench.mjs: the controller's own limit on canned targets, 1,000 and 5,000
#               hosts at concurrency 64 and 256, against plain `ssh host true`; bench/worker-loop.mjs;
#               bench/fleet-checks-bench.mjs (the fleet-side checks' worker at 1,000 to 20,000 hosts)
#   winrm       bench/controller-bench.mjs --section winrm: winrm against ssh-exec on the controller, 50 hosts
#   pack        bench/pack-cost.mjs: what the MARS pack costs one target beyond a pwsh start, phase by phase
#   report      bench/report-bench.ts: workbook, JSON, JUnit and HTML for 10,000 and 100,000 hosts
# Every table states the machine, the load, the number of runs and the spread. The machine should be quiet:
# the fleet part starts up to 100 remote pwsh on the same cores; other work shows in the load figures.
set -euo pipefail
cd "$(dirname "$0")/.."

only=''
if [ "${1:-}" = "--only" ]; then
  only=${2:?'--only needs a part: fleet, controller, winrm, pack or report'}
  shift 2
fi
case "$only" in
  ''|fleet|controller|winrm|pack|report) ;;
  *) echo "bench: no part '$only' (fleet, controller, winrm, pack, report)" >&2; exit 2 ;;
esac
want() { [ -z "$only" ] || [ "$only" = "$1" ]; }

bash scripts/setup.sh
npx tsc -p tsconfig.json
mkdir -p bench/out
# Thousands of hosts at once: one socket or pipe each, on the controller and in the canned targets.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "bench: load average $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores (other work skews every figure)" >&2

if want fleet; then
  echo "bench: lab start" >&2
  node bench/lab-start.mjs 20 3 | tee bench/out/lab-start.txt
  echo "bench: fleet scan against floors and baselines (about 30-40 min on a quiet 2-core box)" >&2
  python3 bench/subreaper.py node bench/fleet-bench.mjs "$@" > bench/out/fleet-bench.md
fi

if want controller; then
  echo "bench: the controller's own limit on canned targets (1,000 and 5,000 hosts)" >&2
  python3 bench/subreaper.py node bench/controller-bench.mjs --blocks 1000x64,1000x256,5000x64,5000x256 --transports ssh-exec,winrm,ssh "$@" > bench/out/controller-bench.md
  echo "bench: controller worker loop" >&2
  node bench/worker-loop.mjs | tee bench/out/worker-loop.txt
  echo "bench: fleet-side checks in the controller's pwsh worker, 1,000 to 20,000 hosts" >&2
  node bench/fleet-checks-bench.mjs | tee bench/out/fleet-checks.txt
fi

if want winrm; then
  echo "bench: winrm against ssh-exec on the controller, 50 hosts" >&2
  python3 bench/subreaper.py node bench/controller-bench.mjs --section winrm --sizes 50 --concurrency 16 --transports ssh-exec,winrm --reps 3 "$@" > bench/out/winrm-bench.md
fi

if want pack; then
  echo "bench: MARS pack cost on one target" >&2
  node bench/pack-cost.mjs "$@" > bench/out/pack-cost.md
fi

if want report; then
  echo "bench: report stage, 10,000 and 100,000 hosts" >&2
  npx tsc --strict --module nodenext --moduleResolution nodenext --target es2022 --lib es2023 --types node --skipLibCheck \
    --esModuleInterop --rootDir . --outDir bench/out/build bench/report-bench.ts
  node bench/out/build/bench/report-bench.js "$@" > bench/out/report-bench.md
fi

echo "bench: done; see bench/RESULTS.md (raw runs: bench/out/*.json)" >&2
