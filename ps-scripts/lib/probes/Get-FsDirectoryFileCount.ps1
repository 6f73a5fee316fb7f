function Get-FsDirectoryFileCount {
    <#
    .SYNOPSIS
        Counts the files directly in a folder that match a pattern, fast (no object per file).
    .DESCRIPTION
        Uses [IO.Directory]::EnumerateFiles, far cheaper than Get-ChildItem on 60,000 files. Returns $null
        when the folder does not exist; access denied throws.
    .PARAMETER Path
        The folder, for example 'C:\Windows\Temp'.
    .PARAMETER Filter
        A file pattern such as '*.tmp' or '*'.
    .EXAMPLE
        Get-FsDirectoryFileCount -Path 'C:\Windows\Temp' -Filter '*.tmp'   # 120
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Path, [string]$Filter = '*')
    if (-not [System.IO.Directory]::Exists($Path)) { return $null }
    $count = 0
    $enumerator = [System.IO.Directory]::EnumerateFiles($Path, $Filter).GetEnumerator()
    try { while ($enumerator.MoveNext()) { $count++ } } finally { $enumerator.Dispose() }
    $count
}
