function Set-FsTestStateFile {
    <#
    .SYNOPSIS
        Writes a staged state to a new JSON file and points FLEET_SCAN_STAGED_STATE at it, as the lab's sshd does.
    .DESCRIPTION
        A new path each time, so the staged library's per-path cache reloads. The staged reference time is
        the tests' controller time, for staged probes called outside a run.
    .PARAMETER State
        The state (see docs/staged-state.md).
    .EXAMPLE
        $null = Set-FsTestStateFile -State @{ psVersion = '4.0' }
    #>
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
