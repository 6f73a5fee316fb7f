function Get-FleetScanOutcomeText {
    <#
    .SYNOPSIS
        How fleet-scan diff names a check outcome: its label ('not-run' when absent, 'waived fail' for a
        waived failure) or its note (' (<summary or reason>)', empty without either).
    .PARAMETER Outcome
        One check outcome of a host, or $null when the check did not run.
    .PARAMETER Part
        Label or Note.
    .EXAMPLE
        Get-FleetScanOutcomeText -Outcome $now -Part Note   # ' (Clock off by 600 s)'
    #>
    [CmdletBinding()]
    param([AllowNull()]$Outcome, [Parameter(Mandatory = $true)][ValidateSet('Label', 'Note')][string]$Part)
    if ($Part -eq 'Label') {
        if ($null -eq $Outcome) { return 'not-run' }
        $waived = Get-FleetScanValue -InputObject $Outcome -Name 'waivedStatus'
        if ([string]$Outcome.status -eq 'waived' -and $waived) { return 'waived ' + $waived }
        return [string]$Outcome.status
    }
    $text = ConvertTo-FleetScanText -Value (Get-FleetScanValue -InputObject $Outcome -Name 'summary')
    if (-not $text) { $text = ConvertTo-FleetScanText -Value (Get-FleetScanValue -InputObject $Outcome -Name 'reason') }
    if ($text) { return ' (' + $text + ')' }
    ''
}
