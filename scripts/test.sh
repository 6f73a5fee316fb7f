#!/usr/bin/env bash
# Sets up (installs what is missing), then runs every test: vitest (TypeScript) and Pester (PowerShell).
# Prints one closing line "Total: N passed, N failed" summing both, and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "setup failed"; exit 1; }
mkdir -p test-results
rm -f test-results/vitest.json test-results/pester.xml

echo "== type check (src and tests)"
npx tsc -p tsconfig.test.json --noEmit
typecheck=$?

echo "== vitest"
npx vitest run
vitest=$?

echo "== pester"
bash scripts/pester.sh | tee test-results/pester.out
pester=${PIPESTATUS[0]}

read -r vp vf < <(node -e '
  try {
    const r = require("./test-results/vitest.json");
    // A file that fails to load has no test results of its own: count it as one failure.
    const broken = r.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
    console.log(r.numPassedTests, r.numFailedTests + broken);
  }
  catch { console.log(0, 1); }')
read -r pp pf < <(sed -n 's/^Pester: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' test-results/pester.out | tail -n 1)
pp=${pp:-0}; pf=${pf:-1}
[ "$typecheck" -ne 0 ] && pf=$((pf + 1)) && echo "type check failed"
echo
echo "vitest: $vp passed, $vf failed; pester: $pp passed, $pf failed"
echo "Total: $((vp + pp)) passed, $((vf + pf)) failed"
[ "$vitest" -eq 0 ] && [ "$pester" -eq 0 ] && [ "$typecheck" -eq 0 ] && [ "$((vf + pf))" -eq 0 ]
