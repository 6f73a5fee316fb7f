function ConvertFrom-FsConnectionSettings {
    <#
    .SYNOPSIS
        Decodes a binary proxy record: WinHTTP's WinHttpSettings or WinINET's DefaultConnectionSettings.
    .DESCRIPTION
        Both are little-endian: a 4-byte version, a 4-byte change counter, 4 bytes of flags (1 direct,
        2 proxy server, 4 auto-config URL, 8 auto-detect), then length-prefixed ASCII strings: proxy server,
        bypass list and (DefaultConnectionSettings only) the auto-config URL. 'netsh winhttp set proxy' writes
        WinHttpSettings; 'netsh winhttp reset proxy' leaves flags 1 and empty strings. Reading the record
        instead of the output of 'netsh winhttp show proxy' works on every display language.
    .PARAMETER Bytes
        The value as the registry gives it (byte[] from Get-ItemProperty, or numbers from a staged state).
    .EXAMPLE
        ConvertFrom-FsConnectionSettings -Bytes $raw   # @{ flags=3; proxyServer='proxy.contoso.local:8080'; bypass='<local>'; ... }
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][AllowEmptyCollection()][object[]]$Bytes)
    $b = [byte[]]@($Bytes | ForEach-Object { [byte]$_ })
    $record = @{ flags = 1; proxyServer = $null; bypass = $null; autoConfigUrl = $null; autoDetect = $false; direct = $true }
    $readInt = { param($At) if ($At + 4 -gt $b.Length) { return $null } [System.BitConverter]::ToInt32($b, $At) }
    $offset = 8
    $flags = & $readInt $offset
    if ($null -eq $flags) { return $record }
    $record['flags'] = $flags
    $offset += 4
    $strings = @()
    for ($n = 0; $n -lt 3; $n++) {
        $length = & $readInt $offset
        if ($null -eq $length -or $length -lt 0 -or $offset + 4 + $length -gt $b.Length) { break }
        $strings += [System.Text.Encoding]::ASCII.GetString($b, $offset + 4, $length)
        $offset += 4 + $length
    }
    $pick = { param($Index) if ($strings.Count -gt $Index -and $strings[$Index]) { return $strings[$Index] } $null }
    if ($flags -band 2) { $record['proxyServer'] = & $pick 0 }
    $record['bypass'] = & $pick 1
    if ($flags -band 4) { $record['autoConfigUrl'] = & $pick 2 }
    $record['autoDetect'] = [bool]($flags -band 8)
    $record['direct'] = -not ($record['proxyServer'] -or $record['autoConfigUrl'] -or $record['autoDetect'])
    $record
}
