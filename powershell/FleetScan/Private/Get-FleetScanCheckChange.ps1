function Get-FleetScanCheckChange {
    <#
    .SYNOPSIS
        The change, if any, of one check on one host between two runs, by the rules of fleet-scan diff.
    .DESCRIPTION
        A check that did not run in one of the runs tells nothing: never a fix, never a status change; a
        failure after it is still a new failure. Same status: evidence-changed when the evidence lines
        differ (never for pass or not-run). Otherwise: to fail is new-failure; fail to pass, warn or
        skipped is fixed; anything else is status-changed.
    .PARAMETER HostName
        The host's name in the difference run.
    .PARAMETER CheckId
        The check.
    .PARAMETER Was
        The outcome in the reference run, or $null.
    .PARAMETER Now
        The outcome in the difference run, or $null.
    .EXAMPLE
        Get-FleetScanCheckChange -HostName fs21 -CheckId mars-tls12-dotnet -Was $was -Now $now
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][string]$HostName,
        [Parameter(Mandatory = $true)][string]$CheckId,
        [AllowNull()]$Was,
        [AllowNull()]$Now
    )
    $before = 'not-run'
    if ($null -ne $Was) { $before = [string]$Was.status }
    $after = 'not-run'
    if ($null -ne $Now) { $after = [string]$Now.status }
    $note = Get-FleetScanOutcomeText -Outcome $Now -Part Note
    $change = @{ HostName = $HostName; CheckId = $CheckId; Before = $before; After = $after }
    if ($before -eq $after) {
        if ($after -eq 'pass' -or $after -eq 'not-run') { return }
        $old = @(Get-FleetScanValue -InputObject $Was -Name 'evidence' | ForEach-Object { ConvertTo-FleetScanText -Value $_ })
        $new = @(Get-FleetScanValue -InputObject $Now -Name 'evidence' | ForEach-Object { ConvertTo-FleetScanText -Value $_ })
        if ($old.Count -eq $new.Count -and -not @(for ($i = 0; $i -lt $new.Count; $i++) { if ($old[$i] -cne $new[$i]) { $i } }).Count) { return }
        return New-FleetScanChange -Kind 'evidence-changed' @change -Detail ($HostName + ': ' + $CheckId + ' ' + (Get-FleetScanOutcomeText -Outcome $Now -Part Label) + ', evidence changed' + $note)
    }
    $line = $HostName + ': ' + $CheckId + ' ' + (Get-FleetScanOutcomeText -Outcome $Was -Part Label) + ' -> ' + (Get-FleetScanOutcomeText -Outcome $Now -Part Label) + $note
    if ($after -eq 'fail') { return New-FleetScanChange -Kind 'new-failure' @change -Detail $line }
    if ($before -eq 'not-run' -or $after -eq 'not-run') { return }
    if ($before -eq 'fail' -and @('pass', 'warn', 'skipped') -contains $after) { return New-FleetScanChange -Kind 'fixed' @change -Detail $line }
    New-FleetScanChange -Kind 'status-changed' @change -Detail $line
}
