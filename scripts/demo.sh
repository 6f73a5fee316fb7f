#!/usr/bin/env bash
# The main job on a fresh clone: set up, start the loopback lab dressed as a realistic mix of Windows
# servers, scan it with the shipped defaults, write the workbook, stop the lab.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
lab=.lab
out=out
./bin/fleet-scan.js lab down --dir "$lab" >/dev/null 2>&1 || true
trap './bin/fleet-scan.js lab down --dir "$lab" >/dev/null 2>&1 || true' EXIT
./bin/fleet-scan.js lab up --dir "$lab" || exit 1
./bin/fleet-scan.js scan -i "$lab/inventory.json" -o "$out" --history "$out/history.sqlite" "$@"
code=$?
echo
case $code in
  0|1|4|5) echo "demo: scan finished (exit $code); open the workbook in $out/ (the newest fleet-scan-*.xlsx)"; exit 0 ;;
  *) echo "demo: scan failed with exit code $code"; exit "$code" ;;
esac
