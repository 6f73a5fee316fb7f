function Remove-FsStaleFile {
    <#
    .SYNOPSIS
        Deletes the files Measure-FsStaleFile counts (long name matches, last written more than N days ago); files in use stay and are counted.
    .DESCRIPTION
        One file at a time with [IO.File]::Delete: a file another process holds open fails alone, and the
        answer says how many were deleted and how many could not be (with the first reason).
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
    $pattern = New-Object System.Management.Automation.WildcardPattern($Filter, [System.Management.Automation.WildcardOptions]::IgnoreCase)
    $before = [datetime]::UtcNow.AddDays(-$OlderThanDays)
    $deleted = 0
    $kept = 0
    $reason = $null
    # A list first: deleting while enumerating the same folder can skip entries.
    $files = @((New-Object System.IO.DirectoryInfo($Path)).GetFiles() | Where-Object { $pattern.IsMatch($_.Name) -and $_.LastWriteTimeUtc -lt $before })
    foreach ($file in $files) {
        try { [System.IO.File]::Delete($file.FullName); $deleted++ }
        catch { $kept++; if (-not $reason) { $reason = ([string]$_.Exception.InnerException.Message).Trim() } }
    }
    $said = 'deleted ' + $deleted + ' files, ' + $kept + ' kept'
    if ($reason) { $said += ' (first: ' + $reason + ')' }
    $said
}
