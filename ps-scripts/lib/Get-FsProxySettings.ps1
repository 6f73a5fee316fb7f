function Get-FsProxySettings {
    <#
    .SYNOPSIS
        The proxy settings the agent's account (SYSTEM) lives with: WinINET (static proxy, PAC URL, WPAD) from
        the key that applies, and the machine's WinHTTP proxy, all read from the registry.
    .DESCRIPTION
        WinINET: with the machine policy ProxySettingsPerUser = 0 ("Make proxy settings per-machine") the
        HKLM Internet Settings key applies to every account; otherwise SYSTEM's own (HKU\S-1-5-18, else
        HKU\.DEFAULT). Values ProxyEnable, ProxyServer, ProxyOverride, AutoConfigURL and the binary
        Connections\DefaultConnectionSettings (auto-detect flag) are combined. WinHTTP: the binary
        Connections\WinHttpSettings of HKLM, which 'netsh winhttp set proxy' writes (absent = direct). No
        command text is parsed, so a German or French host reads the same. Reads throw on access denied.
    .PARAMETER None
        This helper takes no parameters.
    .EXAMPLE
        Get-FsProxySettings   # @{ winInetSource='SYSTEM (HKU\S-1-5-18)'; winInet=@{...}; winHttp=@{ proxyServer='proxy:8080'; bypass='<local>' } }
    #>
    [CmdletBinding()]
    param()
    $settingsKey = 'Software\Microsoft\Windows\CurrentVersion\Internet Settings'
    $policy = Get-FsRegistryValue -Path ('HKLM:\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings') -Name 'ProxySettingsPerUser'
    $candidates = @(@('SYSTEM (HKU\S-1-5-18)', ('Registry::HKEY_USERS\S-1-5-18\' + $settingsKey)), @('HKU\.DEFAULT', ('Registry::HKEY_USERS\.DEFAULT\' + $settingsKey)))
    if ($null -ne $policy -and [int]$policy -eq 0) { $candidates = @(, @('machine (policy ProxySettingsPerUser=0)', ('HKLM:\' + $settingsKey))) }
    $source = 'none'
    $values = $null
    $base = $null
    foreach ($c in $candidates) {
        $values = Get-FsRegistryValue -Path $c[1]
        if ($null -ne $values) { $source = $c[0]; $base = $c[1]; break }
    }
    if ($null -eq $values) { $values = @{} }
    $connection = $null
    if ($base) {
        $raw = Get-FsRegistryValue -Path ($base + '\Connections') -Name 'DefaultConnectionSettings'
        if ($null -ne $raw) { $connection = ConvertFrom-FsConnectionSettings -Bytes @($raw) }
    }
    $winInet = @{ proxyEnable = $values['ProxyEnable']; proxyServer = $values['ProxyServer']; proxyOverride = $values['ProxyOverride']; autoConfigUrl = $values['AutoConfigURL']; autoDetect = $false }
    if ($null -ne $connection) {
        # The binary record is what WinINET uses; the named values are its older mirror.
        if ($connection['proxyServer'] -and -not $winInet['proxyServer']) { $winInet['proxyServer'] = $connection['proxyServer'] }
        if ($connection['proxyServer'] -and $null -eq $winInet['proxyEnable']) { $winInet['proxyEnable'] = 1 }
        if ($connection['autoConfigUrl'] -and -not $winInet['autoConfigUrl']) { $winInet['autoConfigUrl'] = $connection['autoConfigUrl'] }
        if ($connection['bypass'] -and -not $winInet['proxyOverride']) { $winInet['proxyOverride'] = $connection['bypass'] }
        $winInet['autoDetect'] = [bool]$connection['autoDetect']
    }
    $winHttp = @{ proxyServer = $null; bypass = $null; source = 'WinHttpSettings absent (direct access)' }
    $rawWinHttp = Get-FsRegistryValue -Path 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections' -Name 'WinHttpSettings'
    if ($null -ne $rawWinHttp) {
        $record = ConvertFrom-FsConnectionSettings -Bytes @($rawWinHttp)
        $winHttp = @{ proxyServer = $record['proxyServer']; bypass = $record['bypass']; source = 'WinHttpSettings' }
    }
    @{ winInetSource = $source; winInet = $winInet; winHttp = $winHttp }
}
