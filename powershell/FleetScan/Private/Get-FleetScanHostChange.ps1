function Get-FleetScanHostChange {
    <#
    .SYNOPSIS
        How a host's reachability changed between two runs, by the rules of fleet-scan diff: newly-unreachable,
        reachable-again, status-changed (from one unseen status to another), or nothing.
    .DESCRIPTION
        Unseen means unreachable, timed out or errored. A change to or from not-run (an interrupted run)
        says nothing about the host. A host new in the difference run is host-added, followed by a
        new-failure for each check that failed on it (news to everyone).
    .PARAMETER Was
        The host in the reference run, or $null for a host that is new.
    .PARAMETER Now
        The host in the difference run.
    .EXAMPLE
        Get-FleetScanHostChange -Was $old -Now $host
    #>
    [CmdletBinding()]
    param([AllowNull()]$Was, [Parameter(Mandatory = $true)]$Now)
    $unseen = @('unreachable', 'timeout', 'error')
    $name = [string]$Now.name
    $status = [string]$Now.status
    $reason = ConvertTo-FleetScanText -Value (Get-FleetScanValue -InputObject $Now -Name 'reason')
    if ($null -eq $Was) {
        $why = $status
        if ($unseen -contains $status -and $reason) { $why = $status + ': ' + $reason }
        New-FleetScanChange -Kind 'host-added' -HostName $name -After $status -Detail ($name + ': added (' + $why + ')')
        foreach ($outcome in @($Now.checks | Where-Object { [string]$_.status -eq 'fail' })) {
            New-FleetScanChange -Kind 'new-failure' -HostName $name -CheckId ([string]$outcome.id) -After 'fail' -Detail ($name + ': ' + $outcome.id + ' fail on a new host' + (Get-FleetScanOutcomeText -Outcome $outcome -Part Note))
        }
        return
    }
    $before = [string]$Was.status
    if ($before -eq $status) { return }
    $wasUnseen = $unseen -contains $before
    $isUnseen = $unseen -contains $status
    $line = $name + ': ' + $before + ' -> ' + $status
    $because = ''
    if ($reason) { $because = ' (' + $reason + ')' }
    if ($isUnseen -and -not $wasUnseen) { return New-FleetScanChange -Kind 'newly-unreachable' -HostName $name -Before $before -After $status -Detail ($line + $because) }
    if ($wasUnseen -and $status -eq 'ok') { return New-FleetScanChange -Kind 'reachable-again' -HostName $name -Before $before -After $status -Detail $line }
    if ($wasUnseen -and $isUnseen) { return New-FleetScanChange -Kind 'status-changed' -HostName $name -Before $before -After $status -Detail ($line + $because) }
}
