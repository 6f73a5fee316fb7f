$FsFixMetadata = @'
{
  "check": "mars-proxy-config",
  "title": "Clear the proxy settings of SYSTEM and WinHTTP (no proxy is planned)",
  "statuses": ["warn"],
  "evidence": "^declared proxy none$",
  "after": "Restart the obengine service so the agent stops using the old proxy.",
  "source": "https://learn.microsoft.com/azure/backup/backup-azure-mars-troubleshoot"
}
'@

function Repair-MarsProxyConfig {
    <#
    .SYNOPSIS
        For a host that should reach Azure directly: turns off the WinINET proxy of SYSTEM (the agent's account) and resets the machine's WinHTTP proxy to direct access.
    .DESCRIPTION
        Only for the finding "no proxy planned but SYSTEM has proxy settings" (the plan holds it only when
        the check's evidence says declared proxy none). In the Internet Settings key that applies to
        SYSTEM (its own, .DEFAULT, or the machine's under the per-machine policy): ProxyEnable becomes 0,
        AutoConfigURL is removed, and the binary Connections\DefaultConnectionSettings record loses its
        proxy and auto-config flags; then netsh winhttp reset proxy. ProxyServer and the bypass list stay,
        so the old values can be put back by hand.
    .PARAMETER Fix
        The fix being run (check id, finding, counts, log).
    .EXAMPLE
        Repair-MarsProxyConfig -Fix $fix -WhatIf
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][hashtable]$Fix)
    $settings = Get-FsProxySettings
    $base = 'Software\Microsoft\Windows\CurrentVersion\Internet Settings'
    $keys = @{
        'SYSTEM (HKU\S-1-5-18)'                   = 'Registry::HKEY_USERS\S-1-5-18\' + $base
        'HKU\.DEFAULT'                            = 'Registry::HKEY_USERS\.DEFAULT\' + $base
        'machine (policy ProxySettingsPerUser=0)' = 'HKLM:\' + $base
    }
    $source = [string]$settings['winInetSource']
    $winInet = $settings['winInet']
    if ($source -ne 'none') {
        $key = $keys[$source]
        if (-not $key) {
            Write-FsFixStep -Fix $Fix -Text ('Clear the WinINET proxy of SYSTEM by hand: its settings come from ' + $source)
        }
        else {
            Invoke-FsFixAction -Fix $Fix -Action 'Set ProxyEnable=0 (DWORD)' -Target $key -Needed ([string]$winInet['proxyEnable'] -eq '1') -Found ('ProxyEnable=' + $winInet['proxyEnable']) -Command Set-FsFixRegistryValue -Arguments @{ Path = $key; Name = 'ProxyEnable'; Value = 0; Type = 'DWord' }
            $pac = Get-FsRegistryValue -Path $key -Name 'AutoConfigURL'
            Invoke-FsFixAction -Fix $Fix -Action 'Remove AutoConfigURL' -Target $key -Needed ([bool]$pac) -Found ('AutoConfigURL ' + $(if ($pac) { $pac } else { 'absent' })) -Command Remove-FsFixRegistryValue -Arguments @{ Path = $key; Name = 'AutoConfigURL' }
            $raw = @(Get-FsRegistryValue -Path ($key + '\Connections') -Name 'DefaultConnectionSettings' | ForEach-Object { [int]$_ })
            if ($raw.Count -ge 12) {
                $flags = [System.BitConverter]::ToInt32([byte[]]$raw[8..11], 0)
                $direct = ($flags -band (-bnot 6)) -bor 1
                $record = [int[]]$raw.Clone()
                # Bytes 4-7 count the changes, as WinINET does when it saves the record.
                $counter = [System.BitConverter]::GetBytes([System.BitConverter]::ToInt32([byte[]]$raw[4..7], 0) + 1)
                $flagBytes = [System.BitConverter]::GetBytes([int]$direct)
                for ($i = 0; $i -lt 4; $i++) { $record[4 + $i] = $counter[$i]; $record[8 + $i] = $flagBytes[$i] }
                Invoke-FsFixAction -Fix $Fix -Action ('Set DefaultConnectionSettings flags 0x' + $flags.ToString('X') + ' -> 0x' + $direct.ToString('X') + ' (direct access)') -Target ($key + '\Connections') -Needed (($flags -band 6) -ne 0) -Found ('flags 0x' + $flags.ToString('X')) -Command Set-FsFixRegistryValue -Arguments @{ Path = ($key + '\Connections'); Name = 'DefaultConnectionSettings'; Value = $record; Type = 'Binary' }
            }
        }
    }
    $winHttp = [string]$settings['winHttp']['proxyServer']
    Invoke-FsFixAction -Fix $Fix -Action 'Reset the WinHTTP proxy to direct access (netsh winhttp reset proxy)' -Target 'WinHTTP' -Needed ([bool]$winHttp) -Found ('WinHTTP proxy ' + $(if ($winHttp) { $winHttp } else { 'none' })) -Command Reset-FsFixWinHttpProxy
}
