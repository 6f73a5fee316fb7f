function Measure-FsStaleFile {
    <#
    .SYNOPSIS
        Staged twin: the matching files of a staged folder older than N days; $null when the folder does not exist.
    .DESCRIPTION
        A staged count (dirs["<path>"].count["<pattern>"]) carries no ages: every counted file stands for a
        leftover older than any limit, which is what the states that stage a build-up describe. Without a
        count, the staged files of the folder are measured by their own ages.
    .PARAMETER Path
        The folder.
    .PARAMETER Filter
        A wildcard pattern such as '*.tmp'.
    .PARAMETER OlderThanDays
        Only files last written before now minus this many days count.
    .EXAMPLE
        Measure-FsStaleFile -Path 'C:\Windows\Temp' -Filter '*.tmp' -OlderThanDays 2
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Path, [Parameter(Mandatory = $true)][string]$Filter, [Parameter(Mandatory = $true)][int]$OlderThanDays)
    $clean = $Path.TrimEnd('\')
    if (-not (Test-FsStagedPath -Path $clean)) { return $null }
    $entry = Get-FsStagedEntry -Section dirs -Key $clean
    if ($null -ne $entry -and $entry['count'] -is [System.Collections.IDictionary] -and $entry['count'].Contains($Filter)) {
        return @{ count = [long]$entry['count'][$Filter]; bytes = [long]0 }
    }
    $before = (Get-FsStagedNow).AddDays(-$OlderThanDays)
    $stale = @(Get-FsFileList -Path $clean -Filter $Filter | Where-Object { $_['lastWriteTimeUtc'] -and [datetime]::Parse($_['lastWriteTimeUtc'], [System.Globalization.CultureInfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::AdjustToUniversal) -lt $before })
    $bytes = [long]0
    foreach ($f in $stale) { if ($f['length']) { $bytes += [long]$f['length'] } }
    @{ count = $stale.Count; bytes = $bytes }
}
