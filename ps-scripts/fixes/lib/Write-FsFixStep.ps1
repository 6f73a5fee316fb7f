function Write-FsFixStep {
    <#
    .SYNOPSIS
        Lists one step a person has to do (the plan cannot script it): a warning on the console and a line in the log.
    .PARAMETER Fix
        The fix or step list it belongs to (Check, Counts, LogPath).
    .PARAMETER Text
        The step, one line.
    .EXAMPLE
        Write-FsFixStep -Fix $Fix -Text 'This host is in no domain: set an NTP source with w32tm /config /manualpeerlist:<server> /syncfromflags:manual /update'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][hashtable]$Fix, [Parameter(Mandatory = $true)][string]$Text)
    $Fix['Counts']['steps'] = [int]$Fix['Counts']['steps'] + 1
    $line = 'manual   ' + $Fix['Check'] + ': ' + $Text
    Write-FsFixLog -Path $Fix['LogPath'] -Text $line
    Write-Warning -Message $line
}
