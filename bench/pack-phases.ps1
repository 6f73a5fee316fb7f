<#
.SYNOPSIS
    Takes one MARS scan apart on this machine: CPU and .NET JIT per phase, in a fresh pwsh (bench/pack-cost.mjs).
.DESCRIPTION
    Reads the same input a target reads on stdin (bundle, '#FSPAYLOAD ', payload) from -InputPath, runs it
    as the ssh-exec bootstrap does, then runs the entry point a second time in the same process to show
    what is first-use cost. Writes one JSON line: phases [ { name, cpuMs, jitMethods, jitMs } ].
.PARAMETER InputPath
    File with the bundle and payload.
.PARAMETER ParseOnly
    Stop after parsing the bundle (the parse cost of one bundle in a fresh process).
.EXAMPLE
    pwsh -NoProfile -File bench/pack-phases.ps1 -InputPath input.txt
#>
param([Parameter(Mandatory = $true)][string]$InputPath, [switch]$ParseOnly)
$ErrorActionPreference = 'Stop'
$process = [System.Diagnostics.Process]::GetCurrentProcess()
$phases = [System.Collections.Generic.List[object]]::new()
$last = @{ cpu = 0.0; jit = 0; jitMs = 0.0 }
function Add-Phase([string]$Name) {
    $process.Refresh()
    $cpu = $process.TotalProcessorTime.TotalMilliseconds
    $jit = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
    $jitMs = [System.Runtime.JitInfo]::GetCompilationTime($false).TotalMilliseconds
    $phases.Add([ordered]@{ name = $Name; cpuMs = [math]::Round($cpu - $last.cpu); jitMethods = $jit - $last.jit; jitMs = [math]::Round($jitMs - $last.jitMs) })
    $last.cpu = $cpu; $last.jit = $jit; $last.jitMs = $jitMs
}
Add-Phase 'pwsh start (to the first script line)'
$text = [System.IO.File]::ReadAllText($InputPath)
$at = $text.LastIndexOf('#FSPAYLOAD ')
$payload = $text.Substring($at + 11).Trim()
$bundle = [scriptblock]::Create($text.Substring(0, $at))
Add-Phase 'parse the bundle'
if ($ParseOnly) { [Console]::Out.WriteLine((ConvertTo-Json -InputObject @{ phases = $phases } -Depth 4 -Compress)); return }
. $bundle
Add-Phase 'define functions, register pack and checks'
$null = Invoke-FleetScanPack -PayloadBase64 $payload
Add-Phase 'run the checks (first time in this process)'
$null = Invoke-FleetScanPack -PayloadBase64 $payload
Add-Phase 'run the checks again (same process)'
[Console]::Out.WriteLine((ConvertTo-Json -InputObject @{ phases = $phases } -Depth 4 -Compress))
