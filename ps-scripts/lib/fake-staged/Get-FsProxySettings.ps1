function Get-FsProxySettings {
    <#
    .SYNOPSIS
        Staged twin: SYSTEM's WinINET values from registry["Registry::HKEY_USERS\S-1-5-18\...\Internet Settings"]
        and commands["netsh winhttp show proxy"].
    .PARAMETER None
        This probe takes no parameters.
    .EXAMPLE
        (Get-FsProxySettings)['winHttpText']
    #>
    [CmdletBinding()]
    param()
    $values = Get-FsRegistryValue -Path 'Registry::HKEY_USERS\S-1-5-18\Software\Microsoft\Windows\CurrentVersion\Internet Settings'
    if ($null -eq $values) { $values = @{} }
    $text = 'Current WinHTTP proxy settings:' + "`n" + '    Direct access (no proxy server).'
    $commands = Get-FsStagedEntry -Section commands
    if ($commands -is [System.Collections.IDictionary] -and $commands.Contains('netsh winhttp show proxy')) { $text = [string]$commands['netsh winhttp show proxy'] }
    @{
        winInet     = @{ proxyEnable = $values['ProxyEnable']; proxyServer = $values['ProxyServer']; proxyOverride = $values['ProxyOverride']; autoConfigUrl = $values['AutoConfigURL'] }
        winHttpText = $text
    }
}
