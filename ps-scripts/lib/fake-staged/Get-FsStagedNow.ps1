function Get-FsStagedNow {
    <#
    .SYNOPSIS
        The instant staged relative times (ageDays, offsetSeconds) count from: the controller's UTC of this run.
    .DESCRIPTION
        The entry point sets $global:FsStagedReferenceUtc from the payload's controllerUtc, so a state
        file never goes stale; outside a run it is the current UTC time.
    .PARAMETER None
        This function takes no parameters.
    .EXAMPLE
        (Get-FsStagedNow).AddDays(-2)
    #>
    [CmdletBinding()]
    param()
    $reference = Get-Variable -Name FsStagedReferenceUtc -Scope Global -ValueOnly -ErrorAction SilentlyContinue
    if ($reference -is [datetime]) { return $reference }
    [datetime]::UtcNow
}
