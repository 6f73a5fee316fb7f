function Get-FsDirectoryFileCount {
    <#
    .SYNOPSIS
        Counts the files directly in a folder whose long name matches a pattern, fast (no object per file).
    .DESCRIPTION
        Enumerates every file name with [IO.Directory]::EnumerateFiles (far cheaper than Get-ChildItem on
        60,000 files) and matches the pattern against the long name itself: the file system's own pattern
        match also tests 8.3 short names, so '*.tmp' would count 'report.tmpx' (short name REPORT~1.TMP), as
        .NET documents for three-letter extensions ('*.xls' also returns 'book.xlsx').
        Matching is case-insensitive, as on Windows. Returns $null when the folder does not exist; access
        denied throws.
    .PARAMETER Path
        The folder, for example 'C:\Windows\Temp'.
    .PARAMETER Filter
        A wildcard pattern such as '*.tmp', or '*' for every file.
    .EXAMPLE
        Get-FsDirectoryFileCount -Path 'C:\Windows\Temp' -Filter '*.tmp'   # 120
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Path, [string]$Filter = '*')
    if (-not [System.IO.Directory]::Exists($Path)) { return $null }
    $pattern = $null
    if ($Filter -ne '*') { $pattern = New-Object System.Management.Automation.WildcardPattern($Filter, [System.Management.Automation.WildcardOptions]::IgnoreCase) }
    $count = 0
    $enumerator = [System.IO.Directory]::EnumerateFiles($Path).GetEnumerator()
    try {
        while ($enumerator.MoveNext()) {
            if ($null -eq $pattern -or $pattern.IsMatch([System.IO.Path]::GetFileName($enumerator.Current))) { $count++ }
        }
    } finally { $enumerator.Dispose() }
    $count
}
