#!/usr/bin/env bash
# Sets up (installs what is missing), then runs every test: the type check, vitest on Node 20 (the machine's)
# and again on Node 24 (the current LTS, .tools/node24 from setup step 9, with its own better-sqlite3 build),
# and Pester (PowerShell; it does not run on Node, so once). Prints one closing line "Total: N passed, N failed"
# summing them all, and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "setup failed"; exit 1; }
mkdir -p test-results
rm -f test-results/vitest.json test-results/vitest-node24.json test-results/pester.xml
node24=$PWD/.tools/node24/bin

echo "== type check (src and tests)"
npx tsc -p tsconfig.test.json --noEmit
typecheck=$?

echo "== vitest on Node $(node --version)"
npx vitest run
vitest=$?

# Everything a test starts by name (node, the CLI, bench scripts) is Node 24 too: it comes first on PATH.
echo "== vitest on Node $("$node24/node" --version)"
PATH="$node24:$PATH" "$node24/node" node_modules/vitest/vitest.mjs run --outputFile.json=test-results/vitest-node24.json
vitest24=$?

echo "== pester"
bash scripts/pester.sh | tee test-results/pester.out
pester=${PIPESTATUS[0]}

# passed and failed of one vitest JSON report; a file that fails to load has no results of its own: one failure.
counts() {
  node -e '
    try {
      const r = require(process.argv[1]);
      // A skipped test counts as missing, and a file that fails to load (or whose beforeAll fails) as one failure.
      const broken = r.testResults.filter((f) => f.status === "failed" && f.assertionResults.every((a) => a.status !== "failed")).length;
      console.log(r.numPassedTests, r.numFailedTests + r.numPendingTests + r.numTodoTests + broken);
    }
    catch { console.log(0, 1); }' "$PWD/$1"
}
read -r vp vf < <(counts test-results/vitest.json)
read -r wp wf < <(counts test-results/vitest-node24.json)
read -r pp pf < <(sed -n 's/^Pester: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' test-results/pester.out | tail -n 1)
pp=${pp:-0}; pf=${pf:-1}
[ "$typecheck" -ne 0 ] && pf=$((pf + 1)) && echo "type check failed"
# The failures by name, last, where a log cut to its tail still shows them.
failures() {
  node -e '
    try {
      const r = require(process.argv[1]);
      for (const f of r.testResults) {
        const file = f.name.slice(process.argv[2].length + 1);
        const first = (text) => (text || "").split("\n").find((l) => l.trim()) ?? "";
        if (f.status === "failed" && f.assertionResults.every((a) => a.status !== "failed")) console.log(`${process.argv[3]}: ${file}: ${first(f.message).slice(0, 300) || "failed to load"}`);
        for (const a of f.assertionResults) {
          if (a.status === "passed") continue;
          console.log(`${process.argv[3]}: ${a.status}: ${file} > ${a.fullName}`);
          // Why, in a line: CI shows only this tail of the log.
          if (a.failureMessages?.length) console.log(`    ${first(a.failureMessages[0]).slice(0, 300)}`);
        }
      }
    } catch { console.log(`${process.argv[3]}: no report`); }' "$PWD/$1" "$PWD" "$2" | head -n 80
}
echo
failures test-results/vitest.json "Node 20"
failures test-results/vitest-node24.json "Node 24"
grep '^\[-\]' test-results/pester.out | head -n 40 | sed 's/^/Pester: /'
echo "vitest (Node 20): $vp passed, $vf failed; vitest (Node 24): $wp passed, $wf failed; pester: $pp passed, $pf failed"
echo "Total: $((vp + wp + pp)) passed, $((vf + wf + pf)) failed"
[ "$vitest" -eq 0 ] && [ "$vitest24" -eq 0 ] && [ "$pester" -eq 0 ] && [ "$typecheck" -eq 0 ] && [ "$((vf + wf + pf))" -eq 0 ]
