function Add-FsFixDefenderExclusion {
    <#
    .SYNOPSIS
        Staged twin: appends to defender.exclusionPath or defender.exclusionProcess; fails without Defender as Add-MpPreference would.
    .PARAMETER Path
        A folder to exclude.
    .PARAMETER Process
        A process image name to exclude.
    .EXAMPLE
        Add-FsFixDefenderExclusion -Process cbengine.exe
    #>
    [CmdletBinding()]
    param([string]$Path, [string]$Process)
    $state = Get-FsStagedState
    if ($state['defender'] -isnot [System.Collections.IDictionary]) { throw "The term 'Add-MpPreference' is not recognized as a name of a cmdlet, function, script file, or executable program." }
    $defender = $state['defender']
    if ($Path) { $defender['exclusionPath'] = @(@($defender['exclusionPath'] | Where-Object { $_ }) + $Path); $said = 'excluded path ' + $Path }
    else { $defender['exclusionProcess'] = @(@($defender['exclusionProcess'] | Where-Object { $_ }) + $Process); $said = 'excluded process ' + $Process }
    Save-FsStagedState
    $said
}
