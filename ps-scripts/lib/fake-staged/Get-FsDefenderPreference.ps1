function Get-FsDefenderPreference {
    <#
    .SYNOPSIS
        Staged twin: the defender section (present, realtime, exclusionPath, exclusionProcess).
    .PARAMETER None
        This probe takes no parameters.
    .EXAMPLE
        (Get-FsDefenderPreference)['realtime']
    #>
    [CmdletBinding()]
    param()
    $d = Get-FsStagedEntry -Section defender
    if ($null -eq $d) { return @{ present = $false; realtime = $false; exclusionPath = @(); exclusionProcess = @() } }
    $present = $true
    if ($d.Contains('present')) { $present = [bool]$d['present'] }
    @{ present = $present; realtime = [bool]$d['realtime']; exclusionPath = @($d['exclusionPath'] | Where-Object { $_ }); exclusionProcess = @($d['exclusionProcess'] | Where-Object { $_ }) }
}
