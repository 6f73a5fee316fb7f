function Remove-FsStaleFile {
    <#
    .SYNOPSIS
        Staged twin: deletes what Measure-FsStaleFile counts from the staged folder (its count, or its old staged files).
    .PARAMETER Path
        The folder.
    .PARAMETER Filter
        A wildcard pattern such as '*.tmp'.
    .PARAMETER OlderThanDays
        Only files last written before now minus this many days.
    .EXAMPLE
        Remove-FsStaleFile -Path 'C:\Windows\Temp' -Filter '*.tmp' -OlderThanDays 2   # deleted 60001 files, 0 kept
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Path, [Parameter(Mandatory = $true)][string]$Filter, [Parameter(Mandatory = $true)][int]$OlderThanDays)
    $clean = $Path.TrimEnd('\')
    $deleted = 0
    $entry = Get-FsStagedEntry -Section dirs -Key $clean
    if ($null -ne $entry -and $entry['count'] -is [System.Collections.IDictionary] -and $entry['count'].Contains($Filter)) {
        $counts = $entry['count']
        $deleted = [long]$counts[$Filter]
        $counts[$Filter] = 0
        if ($counts.Contains('*')) { $counts['*'] = [math]::Max([long]0, [long]$counts['*'] - $deleted) }
    }
    else {
        $before = (Get-FsStagedNow).AddDays(-$OlderThanDays)
        $files = Get-FsStagedSection -Section files
        foreach ($f in @(Get-FsFileList -Path $clean -Filter $Filter)) {
            if ($f['lastWriteTimeUtc'] -and [datetime]::Parse($f['lastWriteTimeUtc'], [System.Globalization.CultureInfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::AdjustToUniversal) -lt $before) {
                $files.Remove($f['path'])
                $deleted++
            }
        }
    }
    Save-FsStagedState
    'deleted ' + $deleted + ' files, 0 kept'
}
