function Get-FleetScanExitMeaning {
    <#
    .SYNOPSIS
        What a fleet-scan exit code means, in the words of the README's exit-code table.
    .DESCRIPTION
        Without -ExitCode, the whole table (code as text -> meaning); a Pester test holds it equal to the README's.
    .PARAMETER ExitCode
        The exit code of a fleet-scan run.
    .EXAMPLE
        Get-FleetScanExitMeaning -ExitCode 5   # both 1 and 4
    #>
    [CmdletBinding()]
    param([int]$ExitCode = -1)
    # Keys are text: an [ordered] table indexed by a number answers by position, not by key.
    $table = [ordered]@{
        '0'   = 'clean: every check passed, warned, was skipped or waived'
        '1'   = 'a check failed'
        '4'   = 'a host was unreachable, timed out or errored, or a check could not run (error)'
        '5'   = 'both 1 and 4'
        '2'   = 'bad usage or bad input (inventory, waivers, flags), or the history is locked by another run'
        '3'   = 'fleet-scan itself failed (a bug: please report the one-line message)'
        '130' = 'interrupted (Ctrl-C): the reports hold every host finished so far'
    }
    if (-not $PSBoundParameters.ContainsKey('ExitCode')) { return $table }
    if ($table.Contains([string]$ExitCode)) { return $table[[string]$ExitCode] }
    'unknown exit code ' + $ExitCode
}
