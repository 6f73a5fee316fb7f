function Get-FsItemInfo {
    <#
    .SYNOPSIS
        What a file or folder looks like: existence, attributes, last write time, length, file version, tail text.
    .DESCRIPTION
        Attributes are returned as strings and times as ISO UTC strings (5.1 would serialise them as
        numbers and \/Date()\/). -Force is used so hidden items are seen. A missing item gives exists = $false;
        access errors throw.
    .PARAMETER Path
        The file or folder.
    .PARAMETER TailBytes
        When above 0 and the item is a file, the last that many bytes are returned as text (tailText).
    .EXAMPLE
        Get-FsItemInfo -Path 'C:\Program Files\Microsoft Azure Recovery Services Agent\bin\cbengine.exe'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Path, [int]$TailBytes = 0)
    $info = @{ path = $Path; exists = $false; isDirectory = $false; attributes = @(); lastWriteTimeUtc = $null; length = $null; fileVersion = $null; tailText = $null }
    if (-not (Test-Path -LiteralPath $Path)) { return $info }
    $item = Get-Item -LiteralPath $Path -Force -ErrorAction Stop
    $info['exists'] = $true
    $info['isDirectory'] = [bool]$item.PSIsContainer
    $info['attributes'] = @(([string]$item.Attributes).Split(',') | ForEach-Object { $_.Trim() } | Where-Object { $_ })
    $info['lastWriteTimeUtc'] = Format-FsUtcDate -Value $item.LastWriteTimeUtc
    if (-not $item.PSIsContainer) {
        $info['length'] = [long]$item.Length
        if ($item.VersionInfo -and $item.VersionInfo.FileVersion) { $info['fileVersion'] = [string]$item.VersionInfo.FileVersion }
        if ($TailBytes -gt 0 -and $item.Length -gt 0) {
            $stream = [System.IO.File]::Open($item.FullName, 'Open', 'Read', 'ReadWrite')
            try {
                $count = [int][math]::Min([long]$TailBytes, $item.Length)
                $null = $stream.Seek(-$count, 'End')
                $buffer = New-Object byte[] $count
                $read = $stream.Read($buffer, 0, $count)
                # Agent logs are UTF-16 or ASCII; dropping NULs reads both well enough for a token search.
                $info['tailText'] = ([System.Text.Encoding]::ASCII.GetString($buffer, 0, $read)) -replace "`0", ''
            } finally { $stream.Dispose() }
        }
    }
    $info
}
