function New-FleetScanChange {
    <#
    .SYNOPSIS
        One FleetScan.Change object: what changed for a host (and check) between two runs.
    .PARAMETER Kind
        new-failure, fixed, newly-unreachable, reachable-again, host-added, host-removed, status-changed or evidence-changed.
    .PARAMETER HostName
        The host, as the run that still has it names it.
    .PARAMETER CheckId
        The check, for check changes.
    .PARAMETER Before
        Status in the reference run.
    .PARAMETER After
        Status in the difference run.
    .PARAMETER Detail
        One line saying what changed, as fleet-scan diff prints it.
    .EXAMPLE
        New-FleetScanChange -Kind fixed -HostName fs21 -CheckId mars-tls12-dotnet -Before fail -After pass -Detail '...'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][string]$Kind,
        [Parameter(Mandatory = $true)][string]$HostName,
        [string]$CheckId,
        [string]$Before,
        [string]$After,
        [Parameter(Mandatory = $true)][string]$Detail
    )
    $blank = { param($Text) if ($Text) { $Text } else { $null } }
    $change = [pscustomobject]@{
        PSTypeName = 'FleetScan.Change'
        Kind       = $Kind
        Host       = $HostName
        CheckId    = & $blank $CheckId
        Before     = & $blank $Before
        After      = & $blank $After
        Detail     = $Detail
    }
    Add-FleetScanDisplay -InputObject $change -Property Kind, Host, CheckId, Detail
}
