function Reset-FsFixWinHttpProxy {
    <#
    .SYNOPSIS
        Sets the machine's WinHTTP proxy to direct access (netsh winhttp reset proxy).
    .PARAMETER None
        This function takes no parameters.
    .EXAMPLE
        Reset-FsFixWinHttpProxy
    #>
    [CmdletBinding()]
    param()
    $text = @(& netsh.exe winhttp reset proxy 2>&1 | ForEach-Object { [string]$_ } | Where-Object { $_.Trim() })
    if ($LASTEXITCODE -ne 0) { throw ('netsh winhttp reset proxy failed (exit ' + $LASTEXITCODE + '): ' + ($text -join ' ')) }
    'WinHTTP proxy reset to direct access'
}
