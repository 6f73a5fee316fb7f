function Write-FsFixLog {
    <#
    .SYNOPSIS
        Appends one time-stamped line to a fix plan's log; does nothing without a log (a -WhatIf run keeps none).
    .DESCRIPTION
        Writes with [IO.File]::AppendAllText, not Add-Content: a cmdlet would honour -WhatIf and announce
        itself among the changes. UTF-8 without a byte-order mark, CRLF line ends, so Notepad shows it as a
        transcript.
    .PARAMETER Path
        The log file, or $null.
    .PARAMETER Text
        The line.
    .EXAMPLE
        Write-FsFixLog -Path $log -Text 'changed mars-tls12-dotnet: Set SchUseStrongCrypto=1 (DWORD) on HKLM:\...'
    #>
    [CmdletBinding()]
    param([AllowNull()][AllowEmptyString()][string]$Path, [Parameter(Mandatory = $true)][AllowEmptyString()][string]$Text)
    if (-not $Path) { return }
    $stamp = [datetime]::UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", [System.Globalization.CultureInfo]::InvariantCulture)
    [System.IO.File]::AppendAllText($Path, ($stamp + ' ' + $Text + "`r`n"), (New-Object System.Text.UTF8Encoding($false)))
}
