function Get-FsProxySettings {
    <#
    .SYNOPSIS
        The proxy SYSTEM (the agent's account) would use: WinINET values of S-1-5-18 and the WinHTTP proxy text.
    .DESCRIPTION
        Reads ProxyEnable, ProxyServer, ProxyOverride and AutoConfigURL from HKU\S-1-5-18 (falling back to
        HKU\.DEFAULT), the same reads Microsoft's CSS log collector does, and keeps the raw, localised
        output of 'netsh winhttp show proxy'.
    .PARAMETER None
        This probe takes no parameters.
    .EXAMPLE
        Get-FsProxySettings   # @{ winInet=@{ proxyEnable=0; proxyServer=$null; ... }; winHttpText='Direct access (no proxy server).' }
    #>
    [CmdletBinding()]
    param()
    $path = 'Registry::HKEY_USERS\S-1-5-18\Software\Microsoft\Windows\CurrentVersion\Internet Settings'
    $values = Get-FsRegistryValue -Path $path
    if ($null -eq $values) { $values = Get-FsRegistryValue -Path 'Registry::HKEY_USERS\.DEFAULT\Software\Microsoft\Windows\CurrentVersion\Internet Settings' }
    if ($null -eq $values) { $values = @{} }
    $text = $null
    if (Get-Command -Name netsh -ErrorAction SilentlyContinue) { $text = (@(& netsh winhttp show proxy 2>$null) -join "`n").Trim() }
    @{
        winInet     = @{ proxyEnable = $values['ProxyEnable']; proxyServer = $values['ProxyServer']; proxyOverride = $values['ProxyOverride']; autoConfigUrl = $values['AutoConfigURL'] }
        winHttpText = $text
    }
}
