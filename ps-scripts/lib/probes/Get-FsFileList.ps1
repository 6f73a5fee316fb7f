function Get-FsFileList {
    <#
    .SYNOPSIS
        The files directly in a folder that match a pattern: name, full path, last write time (ISO UTC), length.
    .PARAMETER Path
        The folder.
    .PARAMETER Filter
        A file pattern such as 'CBUICurr*' or '*.VaultCredentials'.
    .EXAMPLE
        Get-FsFileList -Path 'C:\Windows\Temp' -Filter 'OBInstaller*Curr.errlog'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Path, [string]$Filter = '*')
    if (-not [System.IO.Directory]::Exists($Path)) { return }
    $files = @()
    foreach ($name in [System.IO.Directory]::EnumerateFiles($Path, $Filter)) {
        $file = New-Object System.IO.FileInfo($name)
        $files += @{ name = $file.Name; path = $file.FullName; lastWriteTimeUtc = (Format-FsUtcDate -Value $file.LastWriteTimeUtc); length = [long]$file.Length }
    }
    $files
}
