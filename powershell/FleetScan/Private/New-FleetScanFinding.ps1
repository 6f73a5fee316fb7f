function New-FleetScanFinding {
    <#
    .SYNOPSIS
        One host x check outcome of a run record as a FleetScan.Finding object with fixed properties.
    .DESCRIPTION
        Lists become text so Export-Csv writes them whole: Tags joined by ', ', Evidence one line per entry
        (split it again with -split "`n"). Title, Failure, Severity, Remediation and Source come from the
        run's check metadata; a check the record has no metadata for keeps them empty.
    .PARAMETER Record
        The run record (Read-FleetScanRecord).
    .PARAMETER HostResult
        One entry of the record's hosts.
    .PARAMETER Outcome
        One entry of that host's checks.
    .PARAMETER Check
        The record's metadata for that check, or $null.
    .EXAMPLE
        New-FleetScanFinding -Record $record -HostResult $h -Outcome $c -Check $meta
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]$Record,
        [Parameter(Mandatory = $true)]$HostResult,
        [Parameter(Mandatory = $true)]$Outcome,
        [AllowNull()]$Check
    )
    $text = { param($From, $Name) ConvertTo-FleetScanText -Value (Get-FleetScanValue -InputObject $From -Name $Name) }
    $failure = & $text $Check 'failure'
    if ($null -ne $Check -and -not $failure) { $failure = 'Check ' + $Check.id + ' failed' }
    $waivedStatus = & $text $Outcome 'waivedStatus'
    $finding = [pscustomobject]@{
        PSTypeName   = 'FleetScan.Finding'
        RunId        = [string]$Record.runId
        Host         = [string]$HostResult.name
        Cloud        = & $text $HostResult 'cloud'
        Tags         = (@(Get-FleetScanValue -InputObject $HostResult -Name 'tags') | ForEach-Object { [string]$_ }) -join ', '
        HostStatus   = [string]$HostResult.status
        CheckId      = [string]$Outcome.id
        Title        = & $text $Check 'title'
        Failure      = $failure
        Severity     = & $text $Check 'severity'
        Status       = [string]$Outcome.status
        Summary      = & $text $Outcome 'summary'
        Evidence     = (@(Get-FleetScanValue -InputObject $Outcome -Name 'evidence') | ForEach-Object { ConvertTo-FleetScanText -Value $_ }) -join "`n"
        Reason       = & $text $Outcome 'reason'
        Remediation  = & $text $Check 'remediation'
        Source       = & $text $Check 'source'
        Waived       = ([string]$Outcome.status -eq 'waived')
        WaivedStatus = $waivedStatus
        Staged       = [bool](Get-FleetScanValue -InputObject $HostResult -Name 'staged')
    }
    Add-FleetScanDisplay -InputObject $finding -Property Host, CheckId, Status, Summary
}
