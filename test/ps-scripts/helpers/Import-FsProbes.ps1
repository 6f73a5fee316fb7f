# Dot-source from a Pester BeforeAll: loads the library folders of a real host's bundle, in the order of
# ps-scripts/bundle.json (shared lib, engine, real-Windows probes; no staged probes). Windows-only cmdlets
# are stubbed so Pester can mock them on Linux; the stubs throw if a test forgets to mock them.
Set-StrictMode -Version Latest
$FsRepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path
. (Join-Path $PSScriptRoot 'Get-FsTestBundleFile.ps1')
foreach ($FsFile in @(Get-FsTestBundleFile | Where-Object { $_.Folder -like 'lib*' })) { . $FsFile.Path }
if (-not (Get-Command -Name Get-CimInstance -ErrorAction SilentlyContinue)) {
    function Get-CimInstance { param([string]$ClassName, [string]$Filter, [string[]]$Property, $ErrorAction) throw 'Get-CimInstance stub: mock it' }
}
if (-not (Get-Command -Name Get-LocalGroupMember -ErrorAction SilentlyContinue)) {
    function Get-LocalGroupMember { param([string]$SID, $ErrorAction) throw 'Get-LocalGroupMember stub: mock it' }
}
if (-not (Get-Command -Name Get-MpPreference -ErrorAction SilentlyContinue)) {
    function Get-MpPreference { param($ErrorAction) throw 'Get-MpPreference stub: mock it' }
}
if (-not (Get-Command -Name Get-DedupVolume -ErrorAction SilentlyContinue)) {
    function Get-DedupVolume { param([string]$Volume, $ErrorAction) throw 'Get-DedupVolume stub: mock it' }
}
if (-not (Get-Command -Name Get-Service -ErrorAction SilentlyContinue)) {
    function Get-Service { param([string]$Name, [string]$DisplayName, $ErrorAction) throw 'Get-Service stub: mock it' }
}
if (-not (Get-Command -Name netsh -ErrorAction SilentlyContinue)) { function netsh { throw 'netsh stub: mock it' } }
if (-not (Get-Command -Name w32tm -ErrorAction SilentlyContinue)) { function w32tm { throw 'w32tm stub: mock it' } }
