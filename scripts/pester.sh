#!/usr/bin/env bash
# Runs every *.Tests.ps1 under test/ps-scripts/ and test/powershell/ (or the paths given) in one pwsh with the repo's Pester;
# writes test-results/pester.xml (NUnit) and ends with "Pester: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
pwsh=$PWD/.tools/bin/pwsh
if [ ! -x "$pwsh" ] || [ ! -f .tools/pester-path ]; then
  echo "pester.sh: pwsh or Pester missing; run: bash scripts/setup.sh" >&2
  exit 2
fi
pester=$(cat .tools/pester-path)
if [ "$#" -eq 0 ]; then set -- test/ps-scripts test/powershell; fi
# TERM=dumb/NO_COLOR: no escape codes in the captured output.
exec env TERM=dumb NO_COLOR=1 "$pwsh" -NoLogo -NoProfile -NonInteractive \
  -File ps-scripts/tools/Invoke-FsPester.ps1 -PesterPath "$pester" -OutputFile test-results/pester.xml "$@"
