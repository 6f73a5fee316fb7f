# Dot-source from a Pester BeforeAll. Loads the shared lib, the staged (fake) probes, pack.json, every mars
# check and the entry point, the same way the bundle orders them, and defines helpers that run one check
# against an in-test staged state (written to a real JSON file, read by the real staged probe library).
Set-StrictMode -Version Latest
$FsRepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path
foreach ($FsFile in @(Get-ChildItem -Path (Join-Path $FsRepoRoot 'ps-scripts/lib') -Filter *.ps1 | Sort-Object Name)) { . $FsFile.FullName }
foreach ($FsFile in @(Get-ChildItem -Path (Join-Path $FsRepoRoot 'ps-scripts/lib/fake-staged') -Filter *.ps1 | Sort-Object Name)) { . $FsFile.FullName }
Register-FsPack -Json ([System.IO.File]::ReadAllText((Join-Path $FsRepoRoot 'ps-scripts/packs/mars/pack.json')))
# pack.json order, as the bundle concatenates them: it is the run and report order.
foreach ($FsCheckId in @($global:FsPack['checks'])) { . (Join-Path $FsRepoRoot "ps-scripts/packs/mars/$FsCheckId.ps1") }
. (Join-Path $FsRepoRoot 'ps-scripts/entry/Invoke-FleetScanPack.ps1')
$FsTestControllerUtc = ConvertTo-FsUtcDate -Value '2026-11-25T08:00:00Z'

function Get-FsTestState {
    # A fresh, mutable copy of a fixture state (test/fixtures/states/<name>.json).
    param([string]$Name = 'healthy-public')
    ConvertTo-FsHashtable -InputObject (ConvertFrom-Json -InputObject ([System.IO.File]::ReadAllText((Join-Path $FsRepoRoot "test/fixtures/states/$Name.json"))))
}

function Set-FsTestStateFile {
    # Writes the state to a new file and points FLEET_SCAN_STAGED_STATE at it (a new path, so the cache reloads).
    param([hashtable]$State)
    $script:FsTestStateCounter = 1 + $(if (Get-Variable -Name FsTestStateCounter -Scope Script -ErrorAction SilentlyContinue) { $script:FsTestStateCounter } else { 0 })
    $dir = [System.IO.Path]::GetTempPath()
    if (Get-Variable -Name TestDrive -ErrorAction SilentlyContinue) { $dir = $TestDrive }
    $path = Join-Path $dir ('state-' + $PID + '-' + $script:FsTestStateCounter + '.json')
    [System.IO.File]::WriteAllText($path, (ConvertTo-Json -InputObject $State -Depth 20))
    $env:FLEET_SCAN_STAGED_STATE = $path
    $global:FsStagedReferenceUtc = $FsTestControllerUtc
    $path
}

function Invoke-FsTestCheck {
    # Runs one host check the way the entry point does: StrictMode, facts from mars-agent-detect, a throw becomes error.
    param([string]$Id, [hashtable]$State, [hashtable]$Vars = @{}, [string]$Cloud, [switch]$NoFacts)
    $null = Set-FsTestStateFile -State $State
    $merged = @{}
    if ($State['inventory'] -and $State['inventory']['vars']) { foreach ($k in $State['inventory']['vars'].Keys) { $merged[$k] = $State['inventory']['vars'][$k] } }
    foreach ($k in $Vars.Keys) { if ($null -eq $Vars[$k]) { $merged.Remove($k) } else { $merged[$k] = $Vars[$k] } }
    if (-not $Cloud) { $Cloud = 'public'; if ($State['inventory'] -and $State['inventory']['cloud']) { $Cloud = $State['inventory']['cloud'] } }
    $context = @{ Cloud = $Cloud; Vars = $merged; ControllerUtc = $FsTestControllerUtc; Facts = $null }
    & {
        Set-StrictMode -Version Latest
        $ErrorActionPreference = 'Stop'
        if (-not $NoFacts) {
            try { $context['Facts'] = (Test-MarsAgentDetect -Context $context)['facts'] } catch { $context['Facts'] = $null }
        }
        $function = $global:FsCheckRegistry[$Id]['Function']
        try { & $function -Context $context }
        catch { New-FsCheckResult -Status error -Summary ('Check failed: ' + (Get-FsErrorMessage $_)) -Reason (Get-FsErrorMessage $_) }
    }
}

function Set-FsTestValue {
    # Sets state[section][key][name] (creating levels), or removes the key when -Remove is given.
    param([hashtable]$State, [string]$Section, [string]$Key, [string]$Name, $Value, [switch]$Remove)
    if (-not $State.Contains($Section) -or $null -eq $State[$Section]) { $State[$Section] = @{} }
    if ($Remove) { $State[$Section].Remove($Key); return }
    if (-not $Name) { $State[$Section][$Key] = $Value; return }
    if (-not $State[$Section].Contains($Key) -or $null -eq $State[$Section][$Key]) { $State[$Section][$Key] = @{} }
    $State[$Section][$Key][$Name] = $Value
}
