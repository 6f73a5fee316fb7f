function Get-FsFileList {
    <#
    .SYNOPSIS
        Staged twin: the files listed under files whose folder is Path and whose name matches Filter.
    .PARAMETER Path
        The folder.
    .PARAMETER Filter
        File pattern.
    .EXAMPLE
        Get-FsFileList -Path 'C:\Deploy' -Filter '*.VaultCredentials'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Path, [string]$Filter = '*')
    $files = Get-FsStagedEntry -Section files
    $found = @()
    if ($files -isnot [System.Collections.IDictionary]) { return $found }
    $folder = $Path.TrimEnd('\')
    foreach ($key in @($files.Keys | Sort-Object)) {
        $index = $key.LastIndexOf('\')
        if ($index -lt 0) { continue }
        if (-not [string]::Equals($key.Substring(0, $index), $folder, [System.StringComparison]::OrdinalIgnoreCase)) { continue }
        $name = $key.Substring($index + 1)
        if (-not ($name -like $Filter)) { continue }
        $info = Get-FsItemInfo -Path $key
        $found += @{ name = $name; path = $key; lastWriteTimeUtc = $info['lastWriteTimeUtc']; length = $info['length'] }
    }
    $found
}
