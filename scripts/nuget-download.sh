#!/usr/bin/env bash
# Downloads one NuGet package with `dotnet restore`, no project of ours referencing it:
#   nuget-download.sh NAME VERSION DIR    ->  DIR/pkgs/<name, lower case>/<version>/
set -euo pipefail
name=$1 version=$2 dir=$3
mkdir -p "$dir"
cat > "$dir/download.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="$name" Version="[$version]" /></ItemGroup>
</Project>
XML
dotnet restore "$dir/download.csproj" --packages "$dir/pkgs" >/dev/null
