function Get-FsDirectoryFileCount {
    <#
    .SYNOPSIS
        Staged twin: dirs["<path>"].count["<pattern>"], else the staged files in that folder that match.
    .PARAMETER Path
        The folder.
    .PARAMETER Filter
        File pattern such as '*.tmp' or '*'.
    .EXAMPLE
        Get-FsDirectoryFileCount -Path 'C:\Windows\Temp' -Filter '*.tmp'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Path, [string]$Filter = '*')
    $clean = $Path.TrimEnd('\')
    if (-not (Test-FsStagedPath -Path $clean)) { return $null }
    $entry = Get-FsStagedEntry -Section dirs -Key $clean
    if ($null -ne $entry -and $entry['count'] -is [System.Collections.IDictionary]) {
        $counts = $entry['count']
        if ($counts.Contains($Filter)) { return [long]$counts[$Filter] }
        # Every file matches '*', so the total is at least the largest staged pattern count.
        if ($Filter -eq '*' -and $counts.Count -gt 0) { return [long](@($counts.Values) | Measure-Object -Maximum).Maximum }
    }
    [long]@(Get-FsFileList -Path $clean -Filter $Filter).Count
}
