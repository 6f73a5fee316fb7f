#!/usr/bin/env bash
# Compiles the PowerShell tool's own assemblies ahead of time (ReadyToRun) into a copy of the tool.
#   precompile-pwsh.sh TOOL_DIR OUT_DIR RUNTIME_VERSION CROSSGEN_DIR
# TOOL_DIR is the tool's tools/net10.0/any/unix folder; OUT_DIR gets a full copy with the engine
# assemblies replaced by their ReadyToRun images, and a .compiled stamp last. crossgen2 comes from NuGet
# (Microsoft.NETCore.App.Crossgen2.linux-x64 of RUNTIME_VERSION, the runtime pwsh runs on).
set -euo pipefail
tool=$1 out=$2 runtime=$3 cgdir=$4
dotnet=$(readlink -f "$(command -v dotnet)")
framework=$(dirname "$dotnet")/shared/Microsoft.NETCore.App/$runtime
[ -d "$framework" ] || { echo "precompile-pwsh: no runtime $runtime at $framework" >&2; exit 1; }
bash "$(dirname "$0")/nuget-download.sh" Microsoft.NETCore.App.Crossgen2.linux-x64 "$runtime" "$cgdir"
crossgen=$cgdir/pkgs/microsoft.netcore.app.crossgen2.linux-x64/$runtime/tools/crossgen2
rm -rf "$out.tmp"
mkdir -p "$(dirname "$out")"
cp -r "$tool" "$out.tmp"
# The engine and the cmdlets every check uses; the rest of the tool's assemblies are loaded rarely or ship
# precompiled already.
for name in System.Management.Automation Microsoft.PowerShell.Commands.Utility Microsoft.PowerShell.Commands.Management \
  Microsoft.PowerShell.ConsoleHost Microsoft.PowerShell.Security Newtonsoft.Json; do
  "$crossgen" -r "$framework/" -r "$tool/" --targetos:linux --targetarch:x64 -O "$tool/$name.dll" -o "$out.tmp/$name.dll" >/dev/null
done
# The copy must run: a broken image would fail every test far from here.
out_pwsh=$("$dotnet" "$out.tmp/pwsh.dll" -NoProfile -NonInteractive -c '$PSVersionTable.PSVersion.ToString()')
[ -n "$out_pwsh" ] || { echo "precompile-pwsh: the compiled copy did not start" >&2; exit 1; }
touch "$out.tmp/.compiled"
rm -rf "$out"
mv "$out.tmp" "$out"
