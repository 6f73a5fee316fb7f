function Write-FsFixOutcome {
    <#
    .SYNOPSIS
        Records what became of one action of a fix: on the console, in the log, and in the plan's counts.
    .DESCRIPTION
        Results: changed, already (the condition held: nothing to do), whatif (-WhatIf: shown, not made),
        declined (-Confirm answered no) and failed. A -WhatIf action prints nothing more here: ShouldProcess
        has already printed its "What if:" line.
    .PARAMETER Fix
        The fix being run (Check, Counts, LogPath, Changed).
    .PARAMETER Result
        changed, already, whatif, declined or failed.
    .PARAMETER Action
        What the action does, e.g. 'Set SchUseStrongCrypto=1 (DWORD)'.
    .PARAMETER Target
        What it acts on, e.g. a registry key.
    .PARAMETER Message
        What was found or what happened, one line.
    .EXAMPLE
        Write-FsFixOutcome -Fix $Fix -Result already -Action 'Start service w32time' -Target 'w32time' -Message 'w32time is Running'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][hashtable]$Fix,
        [Parameter(Mandatory = $true)][ValidateSet('changed', 'already', 'whatif', 'declined', 'failed')][string]$Result,
        [Parameter(Mandatory = $true)][string]$Action,
        [Parameter(Mandatory = $true)][string]$Target,
        [string]$Message
    )
    $Fix['Counts'][$Result] = [int]$Fix['Counts'][$Result] + 1
    if ($Result -eq 'changed' -or $Result -eq 'whatif') { $Fix['Changed'] = [int]$Fix['Changed'] + 1 }
    $line = $Result.PadRight(8) + ' ' + $Fix['Check'] + ': ' + $Action + ' on ' + $Target
    if ($Message) { $line += ' (' + $Message + ')' }
    Write-FsFixLog -Path $Fix['LogPath'] -Text $line
    if ($Result -eq 'whatif') { return }
    if ($Result -eq 'failed') { Write-Warning -Message $line }
    else { Write-Host $line }
}
