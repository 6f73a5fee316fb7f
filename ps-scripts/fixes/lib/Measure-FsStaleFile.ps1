function Measure-FsStaleFile {
    <#
    .SYNOPSIS
        Counts the files directly in a folder whose long name matches a pattern and that were last written more than N days ago; $null when the folder does not exist.
    .DESCRIPTION
        Enumerates with [IO.DirectoryInfo]::EnumerateFiles (no object per file through the pipeline: a
        folder can hold 60,000 of them) and matches the long name, as Get-FsDirectoryFileCount does.
    .PARAMETER Path
        The folder.
    .PARAMETER Filter
        A wildcard pattern such as '*.tmp'.
    .PARAMETER OlderThanDays
        Only files last written before now minus this many days count.
    .EXAMPLE
        Measure-FsStaleFile -Path 'C:\Windows\Temp' -Filter '*.tmp' -OlderThanDays 2   # @{ count = 60001; bytes = ... }
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Path, [Parameter(Mandatory = $true)][string]$Filter, [Parameter(Mandatory = $true)][int]$OlderThanDays)
    if (-not [System.IO.Directory]::Exists($Path)) { return $null }
    $pattern = New-Object System.Management.Automation.WildcardPattern($Filter, [System.Management.Automation.WildcardOptions]::IgnoreCase)
    $before = [datetime]::UtcNow.AddDays(-$OlderThanDays)
    $count = 0
    $bytes = [long]0
    foreach ($file in (New-Object System.IO.DirectoryInfo($Path)).EnumerateFiles()) {
        if ($pattern.IsMatch($file.Name) -and $file.LastWriteTimeUtc -lt $before) { $count++; $bytes += $file.Length }
    }
    @{ count = $count; bytes = $bytes }
}
